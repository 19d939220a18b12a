import type { Db } from '../../db/index';

/**
 * 学信网 (CHSI) 学历/学位 verification. The real service answers whether a certificate number
 * belongs to a person (by ID number) and a school; we talk to it through this interface and, until
 * a contract exists, to a simulator that answers from the seeded `chsi_records` table.
 */
export type ChsiKind = '学历' | '学位';

export interface ChsiQuery {
  kind: ChsiKind;
  certNo: string;
  /** the person's ID-number blind index (scope 'id_number'): the number itself never leaves the platform */
  idNumberIndex: string;
  school: string;
}

export type ChsiAnswer =
  | { status: 'found'; record: { kind: ChsiKind; certNo: string; name: string; school: string; level: string; graduationDate: string } }
  | { status: 'not_found' }
  /** the service could not be reached or timed out */
  | { status: 'unavailable' };

export interface ChsiVerifier {
  verify(query: ChsiQuery): Promise<ChsiAnswer>;
}

export type ChsiSimulatorMode = 'normal' | 'down';

/** School names match whatever the width of brackets or stray spaces. */
export function normalizeSchool(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * A faithful stand-in: answers from `chsi_records` (exact certificate number, same person, same
 * school), "not found" for anything else, and can simulate an outage (`down`) and latency.
 */
export class SimulatedChsi implements ChsiVerifier {
  constructor(
    private readonly db: Db,
    private readonly mode: ChsiSimulatorMode = 'normal',
    private readonly latencyMs = 0,
  ) {}

  async verify(query: ChsiQuery): Promise<ChsiAnswer> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (this.mode === 'down') return { status: 'unavailable' };
    const certNo = query.certNo.trim().toUpperCase();
    if (!certNo) return { status: 'not_found' };
    const rows = await this.db
      .selectFrom('chsi_records')
      .selectAll()
      .where('kind', '=', query.kind)
      .where('cert_no', '=', certNo)
      .where('id_number_index', '=', query.idNumberIndex)
      .execute();
    const school = normalizeSchool(query.school);
    const hit = rows.find((r) => normalizeSchool(r.school) === school);
    if (!hit) return { status: 'not_found' };
    return { status: 'found', record: { kind: hit.kind, certNo: hit.cert_no, name: hit.name, school: hit.school, level: hit.level, graduationDate: hit.graduation_date } };
  }
}

/** Where no 学信网 adapter is configured: every question is answered "unavailable" (upload instead). */
export const unavailableChsi: ChsiVerifier = { verify: async () => ({ status: 'unavailable' }) };
