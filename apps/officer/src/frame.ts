import { createAppFrame } from "@ktp/ui/root-layout";
import { messages } from "./messages.ts";

export const frame = createAppFrame(messages);
