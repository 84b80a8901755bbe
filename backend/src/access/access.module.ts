import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessCheck } from './access-check.js';

/** The permission table's start-up check (the table itself is plain code: permissions.ts). */
@Module({ imports: [DiscoveryModule], providers: [AccessCheck] })
export class AccessModule {}
