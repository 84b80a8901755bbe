import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions.js';

export const PERMISSION = 'superfluid:permission';

/** The permission an operation needs (see permissions.ts); without it (or @Public()) the operation is refused. */
export const Allow = (permission: Permission) => SetMetadata(PERMISSION, permission);
