import { Initial1795377078107 } from './1795377078107-Initial';
import { PackageIntake1795377439213 } from './1795377439213-PackageIntake';
import { VersionRules1795380731185 } from './1795380731185-VersionRules';
import { ReviewCases1795380870099 } from './1795380870099-ReviewCases';
import { Listings1795381062593 } from './1795381062593-Listings';
import { VersionDocs1795381478731 } from './1795381478731-VersionDocs';
import { StagingInvites1795382076416 } from './1795382076416-StagingInvites';
import { Installations1795382422948 } from './1795382422948-Installations';
import { Deprecations1795382652847 } from './1795382652847-Deprecations';
import { UpgradeOffers1795382930737 } from './1795382930737-UpgradeOffers';
import { PartnerEventTypes1795384695290 } from './1795384695290-PartnerEventTypes';
import { Webhooks1795384838865 } from './1795384838865-Webhooks';
import { PrivateByDefault1796176388989 } from './1796176388989-PrivateByDefault';
import { PackageFormat1796180000000 } from './1796180000000-PackageFormat';
import { InvitationInvitee1796182857282 } from './1796182857282-InvitationInvitee';
import { GitSources1796185081912 } from './1796185081912-GitSources';
import { ManagedHosting1796185338409 } from './1796185338409-ManagedHosting';
import { Ratings1796190873056 } from './1796190873056-Ratings';
import { ListingMedia1796190973722 } from './1796190973722-ListingMedia';
import { Billing1796197554353 } from './1796197554353-Billing';
import { Rollouts1796197564496 } from './1796197564496-Rollouts';
import { RuntimeReports1796197753738 } from './1796197753738-RuntimeReports';
import { Analytics1796197796206 } from './1796197796206-Analytics';
import { ExtensionAvailability1796198968715 } from './1796198968715-ExtensionAvailability';
import { EventLogWatermark1796200000000 } from './1796200000000-EventLogWatermark';
import { AutomaticSuspension1796200087778 } from './1796200087778-AutomaticSuspension';
import { SdkDelisting1796201627867 } from './1796201627867-SdkDelisting';
import { TrustRescansAttestations1796210000000 } from './1796210000000-TrustRescansAttestations';
import { InstallCounts1796220000000 } from './1796220000000-InstallCounts';
import { HotReadIndexes1796220100000 } from './1796220100000-HotReadIndexes';
// Every migration, in order. Listed explicitly (not globbed) so the same list works under
// ts (swc), compiled js and jest. Generated with `npm run migration:generate`, reviewed, and
// never edited once merged.

export const migrations: Function[] = [Initial1795377078107, PackageIntake1795377439213, VersionRules1795380731185, ReviewCases1795380870099, Listings1795381062593, VersionDocs1795381478731, StagingInvites1795382076416, Installations1795382422948, Deprecations1795382652847, UpgradeOffers1795382930737, PartnerEventTypes1795384695290, Webhooks1795384838865, PrivateByDefault1796176388989, PackageFormat1796180000000, InvitationInvitee1796182857282, GitSources1796185081912, ManagedHosting1796185338409, Ratings1796190873056, ListingMedia1796190973722, Billing1796197554353, Rollouts1796197564496, RuntimeReports1796197753738, Analytics1796197796206, ExtensionAvailability1796198968715, EventLogWatermark1796200000000, AutomaticSuspension1796200087778, SdkDelisting1796201627867, TrustRescansAttestations1796210000000, InstallCounts1796220000000, HotReadIndexes1796220100000];
