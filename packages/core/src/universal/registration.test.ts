import { describe, expect, it } from "vitest";
import { ACTIVATION_STEPS, activationStepIndex, maskEmail, normalizePhone, ZStartRegistrationRequest } from "./registration.ts";

describe("normalizePhone", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["(0812) 345 678", "+62812345678"],
  ])("%s -> %s", (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(["021 555 1234", "81234567890", "0812", "+1 415 555 0100", "08123456789012345", "abc"])("refuses %s", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("ZStartRegistrationRequest", () => {
  it("normalises every field", () => {
    expect(ZStartRegistrationRequest.parse({ nik: "1371 0142 1190 0001", email: " Dewi@Contoh.ID ", phone: "0812 3456 7890" })).toEqual({
      nik: "1371014211900001",
      email: "dewi@contoh.id",
      phone: "+6281234567890",
    });
  });

  it("names the field at fault", () => {
    const issues = (input: object) => ZStartRegistrationRequest.safeParse(input).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(issues({ nik: "1371014211900001", email: "dewi@", phone: "081234567890" })).toEqual(["email:EMAIL_INVALID"]);
    expect(issues({ nik: "1371014211900001", email: "dewi@contoh.id", phone: "12" })).toEqual(["phone:PHONE_INVALID"]);
  });
});

describe("maskEmail", () => {
  it("keeps the first two letters and the domain", () => expect(maskEmail("dewi.lestari@contoh.id")).toBe("de**********@contoh.id"));
});

describe("activationStepIndex", () => {
  it("places every registration step on the one list of six, or off it once ended", () => {
    expect(ACTIVATION_STEPS).toHaveLength(6);
    expect((["SELFIE", "PIN", "DEVICE", "COUNTER", "EMAIL", "ACTIVE"] as const).map(activationStepIndex)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(activationStepIndex("COUNTER_REQUIRED")).toBe(1);
    expect(activationStepIndex("REFUSED")).toBe(4);
    expect(activationStepIndex("CANCELLED")).toBeNull();
    expect(activationStepIndex("SUPERSEDED")).toBeNull();
  });
});
