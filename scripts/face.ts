// npm run face -- compare <imageA> <imageB>
// Prints {"score", "decision", "ms"} (plus "distance"), or {"error": CODE, "message": ...} and exits 1.
import { readFileSync } from "node:fs";
import { compareFaces } from "@ktp/core/server/face/compare-faces";
import { loadFaceModel } from "@ktp/core/server/face/face-model";
import { AppError } from "@ktp/core/universal/errors";

const [command, a, b] = process.argv.slice(2);
if (command !== "compare" || !a || !b) {
  console.error("Usage: npm run face -- compare <imageA> <imageB>");
  process.exit(2);
}
try {
  const read = (file: string) => {
    try {
      return readFileSync(file);
    } catch (cause) {
      throw new AppError("IMAGE_UNREADABLE", { message: { id: `Berkas ${file} tidak dapat dibuka.`, en: `Cannot open ${file}.` }, cause });
    }
  };
  await loadFaceModel(); // `ms` is the comparison, not loading the model
  const { score, decision, ms, distance } = await compareFaces({ probe: read(a), reference: read(b) });
  console.log(JSON.stringify({ score, decision, ms, distance }));
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.log(JSON.stringify({ error: error.code, message: error.messages.en }));
  process.exitCode = 1;
}
