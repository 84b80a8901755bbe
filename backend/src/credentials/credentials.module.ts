import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CredentialEntity } from './credential.entity.js';
import { CredentialsResolver } from './credentials.resolver.js';
import { CredentialsService } from './credentials.service.js';
import { loadKey, SecretBox } from './secret-box.js';

/** The process's encryption key: SECRET_KEY, or DATA_DIR/secret.key (created on first start). */
const secretBoxProvider = {
  provide: SecretBox,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<SecretBox> => {
    const { key, created } = await loadKey(config);
    const logger = new Logger('Credentials');
    if (created) logger.warn(`created a new encryption key in ${key.source} (key ${key.id}): back it up — without it, stored credentials are lost`);
    else logger.log(`encryption key ${key.id} from ${key.source}`);
    return new SecretBox(key);
  },
};

@Module({
  imports: [TypeOrmModule.forFeature([CredentialEntity])],
  providers: [secretBoxProvider, CredentialsService, CredentialsResolver],
  exports: [CredentialsService, SecretBox],
})
export class CredentialsModule {}
