import { existsSync } from 'node:fs';

/**
 * Reads ./.env into the environment when there is one (variables already set win), so
 * `npm start` and `npm run baton` honour a copied .env.example. config.ts then reads it all.
 */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
