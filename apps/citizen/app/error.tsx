"use client";
import { ErrorPage } from "@ktp/ui/error-page";

export default ErrorPage;
