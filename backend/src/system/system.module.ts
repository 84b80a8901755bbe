import { Global, Module } from '@nestjs/common';
import { ProcessRunner } from './process-runner.js';

@Global()
@Module({ providers: [ProcessRunner], exports: [ProcessRunner] })
export class SystemModule {}
