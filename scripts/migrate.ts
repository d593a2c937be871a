import { migrateDb } from "@/db/migrate";
import { openDb } from "@/server/db";
import { env } from "@/server/env";

const db = openDb(env.databasePath);
migrateDb(db);
db.$client.close();
console.log(`Migrated ${env.databasePath}`);
