import { frame } from "@/frame";

export default frame.NotFound;
