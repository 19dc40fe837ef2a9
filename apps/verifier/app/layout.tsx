import { frame } from "@/frame";

export const generateMetadata = frame.generateMetadata;
export const viewport = frame.viewport;
export default frame.RootLayout;
