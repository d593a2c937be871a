/**
 * Attachments in backups. Stored files never change (each is named by the SHA-256 of its content),
 * so a backup copies only the files it does not hold yet, into one `attachments` folder beside the
 * database backups, shared by all of them; a restore copies back the files the live store lacks.
 * Copied after the database backup, so every file that backup names is there (a file removed in
 * between is the only exception: it was redacted, and its row says so).
 */
import fs from "node:fs";
import path from "node:path";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "@/server/ops/private-file";

const KEY = /^[0-9a-f]{64}$/;

/** Copies each object of `fromRoot/objects` missing under `toRoot/objects`; returns how many files and bytes. */
export function copyMissingObjects(fromRoot: string, toRoot: string): { files: number; bytes: number } {
  const from = path.join(fromRoot, "objects");
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(from)) return { files, bytes };
  for (const shard of fs.readdirSync(from)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of fs.readdirSync(path.join(from, shard))) {
      if (!KEY.test(name)) continue;
      const target = path.join(toRoot, "objects", shard, name);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
      const partial = `${target}.partial`;
      fs.copyFileSync(path.join(from, shard, name), partial);
      fs.chmodSync(partial, PRIVATE_FILE_MODE);
      fs.renameSync(partial, target);
      files++;
      bytes += fs.statSync(target).size;
    }
  }
  return { files, bytes };
}
