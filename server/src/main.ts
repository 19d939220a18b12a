import { buildApp, createContext } from './app';
import { createFirstAdmin, printFirstAdmin } from './create-admin';
import { ConfigError, loadConfig } from './config';
import { DEMO_DEPARTMENT_ADMINS, DEMO_STAFF } from './seed';
import { integrationStates } from './integrations/integrations';
import { demoPeople } from './modules/collection/collection-seed';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`配置错误 / configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // `node server/dist/main.js create-admin <username>`: the first system administrator (docs/operations.md)
  if (process.argv[2] === 'create-admin') {
    const username = process.argv[3];
    if (!username) {
      console.error('usage: node server/dist/main.js create-admin <username> [display name]');
      process.exit(2);
    }
    const ctx = await createContext(config);
    try {
      await printFirstAdmin(await createFirstAdmin(ctx, username, process.argv[4]));
    } catch (err) {
      console.error(`create-admin: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    } finally {
      await ctx.close();
    }
    return;
  }
  const app = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host}:${config.port}`;
  const db = config.databaseUrl ? 'PostgreSQL' : `SQLite (${config.dataDir}/ausm.sqlite)`;
  console.log(`\n全国会计人员统一服务管理平台 AUSM 已启动: ${url}`);
  console.log(`  数据库: ${db}${config.redisUrl ? ' + Redis' : ''}`);
  console.log(`  接口文档: ${url}/api/docs`);
  for (const i of integrationStates(app.ctx.integrations)) {
    if (i.state === 'unavailable') console.log(`  外部服务不可用 / integration unavailable: ${i.label} (${i.name})，依赖它的功能将提示暂不可用`);
    else if (i.state === 'simulator') console.log(`  外部服务为模拟器 / simulator: ${i.label} (${i.name})`);
  }
  if (config.demo) {
    console.log('  演示模式已开启（AUSM_DEMO=1）：短信与支付均为模拟器，/api/dev/* 测试接口可用');
    console.log(`  会计人员 ${url}/login（证件号码 / 密码）:`);
    for (const p of Object.values(demoPeople())) console.log(`    ${p.idNumber} / ${p.password}  ${p.name}：${p.state}`);
    console.log(`  管理端 ${url}/admin:`);
    for (const s of [...DEMO_STAFF, ...DEMO_DEPARTMENT_ADMINS]) console.log(`    ${s.username} / ${s.password} (${s.displayName})`);
  }
  // background jobs run here, not in buildApp: each under a lease, so one instance of many runs it
  app.ctx.jobs.start((line) => app.log.info(line));
  const stop = async () => {
    app.ctx.jobs.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
