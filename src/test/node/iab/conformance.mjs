// Gardien's IAB strings against IAB Tech Lab's own JavaScript libraries (run by IabConformanceTest, one process for the
// whole table). Reads {"gardien": [{name, gpp, tcf}]} on stdin and prints one JSON document:
//   decoded: each Gardien string as IAB's decoders read it (or the error they raise),
//   made:    strings made by IAB's encoders (TCF with legitimate interests, special features, vendors, restrictions and
//            the publisher segment; GPP with usnat only, and with tcfcav1, uspv1 and usca), with every field IAB's
//            decoders read back, for the test to compare with Gardien's decode endpoint.
// Everything is synthetic: the Global Vendor List below is made up for the test.
import { GppModel, RangeEntry } from "@iabgpp/cmpapi";
import { GVL, PurposeRestriction, RestrictionType, TCModel, TCString } from "@iabtechlabtcf/core";

const ids = (vector) => {
  const out = [];
  vector.forEach((has, id) => { if (has) { out.push(id); } });
  return out.sort((a, b) => a - b);
};

/** Every field of a TC string, named as in TCModel; vectors as sorted ids, dates as ISO instants. */
function tcfFields(model) {
  const restrictions = model.publisherRestrictions.getRestrictions().map((r) => ({
    purposeId: r.purposeId,
    restrictionType: r.restrictionType,
    vendorIds: model.publisherRestrictions.getVendors(r),
  })).sort((a, b) => a.purposeId - b.purposeId || a.restrictionType - b.restrictionType);
  return {
    version: model.version,
    created: model.created.toISOString(),
    lastUpdated: model.lastUpdated.toISOString(),
    cmpId: model.cmpId,
    cmpVersion: model.cmpVersion,
    consentScreen: model.consentScreen,
    consentLanguage: model.consentLanguage,
    vendorListVersion: model.vendorListVersion,
    policyVersion: model.policyVersion,
    isServiceSpecific: model.isServiceSpecific,
    useNonStandardTexts: model.useNonStandardTexts,
    purposeOneTreatment: model.purposeOneTreatment,
    publisherCountryCode: model.publisherCountryCode,
    specialFeatureOptins: ids(model.specialFeatureOptins),
    purposeConsents: ids(model.purposeConsents),
    purposeLegitimateInterests: ids(model.purposeLegitimateInterests),
    vendorConsents: ids(model.vendorConsents),
    vendorLegitimateInterests: ids(model.vendorLegitimateInterests),
    publisherRestrictions: restrictions,
    vendorsDisclosed: ids(model.vendorsDisclosed),
    vendorsAllowed: ids(model.vendorsAllowed),
    publisherConsents: ids(model.publisherConsents),
    publisherLegitimateInterests: ids(model.publisherLegitimateInterests),
    publisherCustomConsents: ids(model.publisherCustomConsents),
    publisherCustomLegitimateInterests: ids(model.publisherCustomLegitimateInterests),
  };
}

/** Every section of a GPP string as IAB's decoder reads it: field name to value, dates as ISO instants. */
function gppFields(text) {
  const model = new GppModel(text);
  const sections = {};
  for (const id of model.getSectionIds()) {
    const name = ["", "", "tcfeuv2", "", "", "tcfcav1", "uspv1", "usnat", "usca"][id] ?? String(id);
    const section = model.getSection(name);
    sections[name] = Object.fromEntries(Object.entries(section)
      .map(([field, value]) => [field, value instanceof Date ? value.toISOString() : value]));
  }
  return { sectionIds: model.getSectionIds(), sections };
}

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return { error: String(e && e.message || e) };
  }
}

function purposes(count) {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [i + 1, { id: i + 1, name: `P${i + 1}`,
    description: "synthetic", illustrations: [] }]));
}

function vendor(id, fields) {
  return { id, name: `Vendor ${id}`, purposes: [], legIntPurposes: [], flexiblePurposes: [], specialPurposes: [],
    features: [], specialFeatures: [], cookieMaxAgeSeconds: 0, usesCookies: false, usesNonCookieAccess: false,
    deviceStorageDisclosureUrl: "https://vendor.example.test/disclosure.json", urls: [], ...fields };
}

const gvl = new GVL({
  gvlSpecificationVersion: 3,
  vendorListVersion: 48,
  tcfPolicyVersion: 5,
  lastUpdated: "2026-11-01T00:00:00Z",
  purposes: purposes(11),
  specialPurposes: purposes(3),
  features: purposes(3),
  specialFeatures: purposes(2),
  stacks: {},
  dataCategories: {},
  vendors: {
    2: vendor(2, { purposes: [1, 2, 3], legIntPurposes: [7, 8], flexiblePurposes: [2, 7], specialFeatures: [1] }),
    6: vendor(6, { purposes: [1, 4], legIntPurposes: [2, 9, 10], flexiblePurposes: [2], specialPurposes: [1] }),
    8: vendor(8, { purposes: [1, 3, 5, 7], specialFeatures: [2] }),
  },
}, { language: "fr" });

function tcfMade() {
  const model = new TCModel(gvl);
  model.cmpId = 300;
  model.cmpVersion = 7;
  model.consentScreen = 3;
  model.publisherCountryCode = "CA";
  model.purposeOneTreatment = true;
  model.isServiceSpecific = true;
  model.created = new Date(Date.UTC(2026, 10, 20));
  model.lastUpdated = new Date(Date.UTC(2026, 10, 29));
  model.purposeConsents.set([1, 2, 3, 4, 7]);
  model.purposeLegitimateInterests.set([2, 7, 8, 9, 10]);
  model.specialFeatureOptins.set([1, 2]);
  model.vendorConsents.set([2, 6, 8]);
  model.vendorLegitimateInterests.set([2, 6]);
  model.vendorsDisclosed.set([2, 6, 8]);
  model.publisherConsents.set([1, 2, 3]);
  model.publisherLegitimateInterests.set([7, 9]);
  model.numCustomPurposes = 3;
  model.publisherCustomConsents.set([1, 3]);
  model.publisherCustomLegitimateInterests.set([2]);
  model.publisherRestrictions.add(2, new PurposeRestriction(2, RestrictionType.REQUIRE_LI));
  model.publisherRestrictions.add(6, new PurposeRestriction(2, RestrictionType.REQUIRE_CONSENT));
  model.publisherRestrictions.add(8, new PurposeRestriction(5, RestrictionType.NOT_ALLOWED));
  const string = TCString.encode(model);
  return { name: "tcf with every segment", kind: "tcf", string, fields: tcfFields(TCString.decode(string)) };
}

function tcfRefused() {
  const model = new TCModel(gvl);
  model.cmpId = 301;
  model.cmpVersion = 1;
  model.created = new Date(Date.UTC(2026, 10, 29));
  model.lastUpdated = model.created;
  const string = TCString.encode(model);
  return { name: "tcf refusing everything", kind: "tcf", string, fields: tcfFields(TCString.decode(string)) };
}

function gppMade(name, fields) {
  const model = new GppModel();
  for (const [section, values] of Object.entries(fields)) {
    for (const [field, value] of Object.entries(values)) {
      model.setFieldValue(section, field, value);
    }
  }
  const string = model.encode();
  return { name, kind: "gpp", string, fields: gppFields(string) };
}

const usnat = {
  SharingNotice: 1, SaleOptOutNotice: 1, SharingOptOutNotice: 2, TargetedAdvertisingOptOutNotice: 1,
  SensitiveDataProcessingOptOutNotice: 1, SensitiveDataLimitUseNotice: 2, SaleOptOut: 2, SharingOptOut: 1,
  TargetedAdvertisingOptOut: 2, SensitiveDataProcessing: [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0],
  KnownChildSensitiveDataConsents: [1, 2, 0], PersonalDataConsents: 1, MspaCoveredTransaction: 1,
  MspaOptOutOptionMode: 2, MspaServiceProviderMode: 1, Gpc: true,
};

const canadian = {
  CmpId: 302, CmpVersion: 4, ConsentScreen: 2, ConsentLanguage: "EN", VendorListVersion: 12, TcfPolicyVersion: 2,
  UseNonStandardStacks: true, Created: new Date(Date.UTC(2026, 9, 1)), LastUpdated: new Date(Date.UTC(2026, 10, 2)),
  SpecialFeatureExpressConsent: [true, false, true, false, false, false, false, false, false, false, false, false],
  PurposesExpressConsent: Array.from({ length: 24 }, (_, i) => [2, 3, 9].includes(i + 1)),
  PurposesImpliedConsent: Array.from({ length: 24 }, (_, i) => [8, 10].includes(i + 1)),
  VendorExpressConsent: [2, 6, 8, 40], VendorImpliedConsent: [6, 41],
  PubRestrictions: [new RangeEntry(2, 1, [6, 7, 8, 30]), new RangeEntry(4, 0, [41])],
  PubPurposesExpressConsent: Array.from({ length: 24 }, (_, i) => [1, 2].includes(i + 1)),
  PubPurposesImpliedConsent: Array.from({ length: 24 }, (_, i) => [7].includes(i + 1)),
  NumCustomPurposes: 2, CustomPurposesExpressConsent: [true, false], CustomPurposesImpliedConsent: [false, true],
};

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => { text += chunk; });
  process.stdin.on("end", () => resolve(text));
}));

const decoded = input.gardien.map((item) => ({
  name: item.name,
  tcf: item.tcf ? attempt(() => tcfFields(TCString.decode(item.tcf))) : null,
  gpp: attempt(() => gppFields(item.gpp)),
}));

const made = [
  tcfMade(),
  tcfRefused(),
  gppMade("gpp with usnat only", { usnat }),
  gppMade("gpp with tcfcav1, uspv1 and usca", {
    tcfcav1: canadian,
    uspv1: { Notice: "Y", OptOutSale: "N", LspaCovered: "Y" },
    usca: { SaleOptOutNotice: 1, SaleOptOut: 2, PersonalDataConsents: 1, MspaCoveredTransaction: 2, Gpc: false },
  }),
];

process.stdout.write(JSON.stringify({ decoded, made }));
