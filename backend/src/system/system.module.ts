import { Global, Module } from '@nestjs/common';
import { ProcessRunner } from './process-runner.js';
import { Sandbox } from './sandbox.js';

@Global()
@Module({ providers: [ProcessRunner, Sandbox], exports: [ProcessRunner, Sandbox] })
export class SystemModule {}
