// Development: the API with reload (tsx watch) on :3000 and the Vite dev server on :5173.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', 'server/src/main.ts'], { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', AUSM_ALLOWED_ORIGINS: process.env.AUSM_ALLOWED_ORIGINS ?? 'http://127.0.0.1:5173,http://localhost:5173' } }),
  spawn('npx', ['vite'], { stdio: 'inherit', cwd: 'web' }),
];
console.log('AUSM dev: web http://127.0.0.1:5173 (proxies /api to http://127.0.0.1:3000)');
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
