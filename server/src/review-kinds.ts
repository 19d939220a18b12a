import type { AnyReviewKind } from './platform/review/kind';
import { realnameKind } from './modules/realname/realname.kind';
import { collectionKind } from './modules/collection/collection.kind';
import { CHANGE_KINDS } from './modules/changes/changes.kind';
import { transferKind } from './modules/transfers/transfer.kind';
import { honorKind } from './modules/honors/honor.kind';

/** Every kind a department decides, registered once at start-up (ADR 0005). A new kind adds a line here. */
export const REVIEW_KIND_DEFINITIONS: ReadonlyArray<AnyReviewKind> = [realnameKind, collectionKind, ...CHANGE_KINDS, transferKind, honorKind];
