import crypto from 'node:crypto';
import type { Config } from '../config';
import type { Db } from '../db/index';
import type { Clock } from '../platform/clock';
import type { FieldCrypto } from '../platform/crypto';
import { SimulatedSmsGateway, type SmsGateway } from './sms/sms-gateway';
import { SimulatedAlipayIdentity, type AlipayIdentityGateway } from './alipay/alipay-identity';
import { SimulatedChsi, type ChsiVerifier } from './chsi/chsi-verifier';
import { SimulatedWechat, type WechatOpenPlatform } from './wechat/wechat-open-platform';

export type IntegrationName = 'sms' | 'alipay' | 'chsi' | 'wechat';

export const INTEGRATION_LABELS: Readonly<Record<IntegrationName, string>> = {
  sms: '短信网关',
  alipay: '支付宝身份验证',
  chsi: '学信网学历学位核验',
  wechat: '微信开放平台（扫码登录、绑定）',
};

/** An outside service's adapter; a real one checks its credentials and reachability at start-up. */
export interface SelfChecking {
  selfCheck?(): Promise<void>;
}

export type IntegrationState = 'simulator' | 'available' | 'unavailable';

/**
 * Every outside service by its interface (ARCHITECTURE.md, Integrations). Simulators exist only in
 * demo mode; outside it an integration without a configured adapter is `null`, listed as unavailable
 * at start-up and in /api/ready, and the features that need it answer 503 INTEGRATION_UNAVAILABLE.
 */
export interface Integrations {
  sms: (SmsGateway & SelfChecking) | null;
  alipay: (AlipayIdentityGateway & SelfChecking) | null;
  chsi: (ChsiVerifier & SelfChecking) | null;
  wechat: (WechatOpenPlatform & SelfChecking) | null;
  /** demo mode only: the simulators' own hooks (the SMS "phone", the Alipay and WeChat phone pages) */
  simulators: { sms: SimulatedSmsGateway; alipay: SimulatedAlipayIdentity; wechat: SimulatedWechat } | null;
}

export function integrationStates(i: Integrations): Array<{ name: IntegrationName; label: string; state: IntegrationState }> {
  const sim = i.simulators;
  const state = (adapter: unknown, simulated: boolean): IntegrationState => (!adapter ? 'unavailable' : simulated ? 'simulator' : 'available');
  return [
    { name: 'sms', label: INTEGRATION_LABELS.sms, state: state(i.sms, Boolean(sim && i.sms === sim.sms)) },
    { name: 'alipay', label: INTEGRATION_LABELS.alipay, state: state(i.alipay, Boolean(sim && i.alipay === sim.alipay)) },
    { name: 'chsi', label: INTEGRATION_LABELS.chsi, state: state(i.chsi, i.chsi instanceof SimulatedChsi) },
    { name: 'wechat', label: INTEGRATION_LABELS.wechat, state: state(i.wechat, Boolean(sim && i.wechat === sim.wechat)) },
  ];
}

/** The merchant key the Alipay gateway signs results with (the simulator's, or the real contract's). */
export function alipayMerchantKey(config: Config): Buffer {
  return Buffer.from(crypto.hkdfSync('sm3', config.masterKey, Buffer.alloc(0), 'ausm-alipay-merchant', 32));
}

/** The WeChat app secret results are signed with (the simulator's, or the real app's). */
export function wechatAppSecret(config: Config): Buffer {
  return Buffer.from(crypto.hkdfSync('sm3', config.masterKey, Buffer.alloc(0), 'ausm-wechat-app', 32));
}

/**
 * The adapters of this run. Demo mode: the simulators (AUSM_SMS_SIMULATE, AUSM_CHSI_SIMULATE and
 * AUSM_CHSI_LATENCY_MS shape their behaviour). Otherwise: no real adapter is contracted yet, so every
 * integration is unavailable — the platform still starts, says so, and offers what works without them.
 */
export function integrationsFor(config: Config, deps: { db: Db; clock: Clock; fieldCrypto: FieldCrypto }, env: NodeJS.ProcessEnv = process.env): Integrations {
  if (!config.demo) return { sms: null, alipay: null, chsi: null, wechat: null, simulators: null };
  const sms = new SimulatedSmsGateway(deps.db, deps.clock, deps.fieldCrypto, env.AUSM_SMS_SIMULATE === 'fail' ? 'fail' : 'deliver');
  const alipay = new SimulatedAlipayIdentity(deps.db, deps.clock, deps.fieldCrypto, alipayMerchantKey(config));
  const latency = Number(env.AUSM_CHSI_LATENCY_MS ?? 0);
  const chsi = new SimulatedChsi(deps.db, env.AUSM_CHSI_SIMULATE === 'down' ? 'down' : 'normal', Number.isFinite(latency) && latency > 0 ? latency : 0);
  const wechat = new SimulatedWechat(deps.db, deps.clock, wechatAppSecret(config));
  return { sms, alipay, chsi, wechat, simulators: { sms, alipay, wechat } };
}

/** A configured adapter that fails its self-check stops the start, with the integration named. */
export async function selfCheckIntegrations(i: Integrations): Promise<void> {
  for (const [name, adapter] of [['sms', i.sms], ['alipay', i.alipay], ['chsi', i.chsi], ['wechat', i.wechat]] as const) {
    if (!adapter?.selfCheck) continue;
    try {
      await adapter.selfCheck();
    } catch (err) {
      throw new Error(`integration ${name} (${INTEGRATION_LABELS[name]}) failed its self-check: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
