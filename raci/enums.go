package raci

// RoleKind is what kind of information-security role a role is.
type RoleKind string

// The role kinds of register format version 1 (KindInternalAuditor since
// revision 2).
const (
	KindSeniorManagement       RoleKind = "senior_management"
	KindISMSManager            RoleKind = "isms_manager"
	KindCISO                   RoleKind = "ciso"
	KindAssetOwner             RoleKind = "asset_owner"
	KindProcessOwner           RoleKind = "process_owner"
	KindRiskOwner              RoleKind = "risk_owner"
	KindDataProtectionOfficer  RoleKind = "data_protection_officer"
	KindIncidentManager        RoleKind = "incident_manager"
	KindBusinessContinuityLead RoleKind = "business_continuity_lead"
	KindSupplierManager        RoleKind = "supplier_manager"
	KindSystemAdministrator    RoleKind = "system_administrator"
	KindInternalAuditor        RoleKind = "internal_auditor"
	KindStaff                  RoleKind = "staff"
	KindOther                  RoleKind = "other"
)

// BusinessFunc is the business function a role sits in.
type BusinessFunc string

// The business functions of register format v1.
const (
	FuncExecutive   BusinessFunc = "executive"
	FuncSecurity    BusinessFunc = "security"
	FuncIT          BusinessFunc = "it"
	FuncHR          BusinessFunc = "hr"
	FuncFinance     BusinessFunc = "finance"
	FuncOperations  BusinessFunc = "operations"
	FuncLegal       BusinessFunc = "legal"
	FuncSales       BusinessFunc = "sales"
	FuncFacilities  BusinessFunc = "facilities"
	FuncEngineering BusinessFunc = "engineering"
	FuncBusiness    BusinessFunc = "business"
	FuncOther       BusinessFunc = "other"
)

// Employment says whether a person is an employee or a contractor.
type Employment string

// Employment values; EmploymentEmployee is the default.
const (
	EmploymentEmployee   Employment = "employee"
	EmploymentContractor Employment = "contractor"
)

// Status is a person's status; only active people count as a role's holders for
// allocation.
type Status string

// Status values; StatusActive is the default.
const (
	StatusActive  Status = "active"
	StatusLeaver  Status = "leaver"
	StatusOnLeave Status = "on_leave"
)

// AssetType is the type of an asset.
type AssetType string

// Asset types of register format v1.
const (
	AssetSaaS         AssetType = "saas"
	AssetCloudService AssetType = "cloud_service"
	AssetSystem       AssetType = "system"
	AssetApplication  AssetType = "application"
	AssetDataset      AssetType = "dataset"
	AssetSharedDrive  AssetType = "shared_drive"
	AssetDevice       AssetType = "device"
	AssetNetwork      AssetType = "network"
	AssetPhysical     AssetType = "physical"
	AssetOther        AssetType = "other"
)

// Classification is an asset's information classification.
type Classification string

// Classifications of register format v1.
const (
	ClassPublic       Classification = "public"
	ClassInternal     Classification = "internal"
	ClassConfidential Classification = "confidential"
	ClassRestricted   Classification = "restricted"
)

// Process is the security process an activity implements.
type Process string

// Processes of register format version 1 (ProcInternalAudit and
// ProcManagementReview since revision 2).
const (
	ProcUserProvisioning      Process = "user_provisioning"
	ProcUserDeprovisioning    Process = "user_deprovisioning"
	ProcAccessReview          Process = "access_review"
	ProcVulnerabilityMgmt     Process = "vulnerability_management"
	ProcPatchMgmt             Process = "patch_management"
	ProcIncidentMgmt          Process = "incident_management"
	ProcLoggingMonitoring     Process = "logging_monitoring"
	ProcBackupVerification    Process = "backup_verification"
	ProcChangeControl         Process = "change_control"
	ProcSupplierDueDiligence  Process = "supplier_due_diligence"
	ProcRiskAssessment        Process = "risk_assessment"
	ProcAwarenessTraining     Process = "awareness_training"
	ProcPhysicalSecurityCheck Process = "physical_security_check"
	ProcInternalAudit         Process = "internal_audit"
	ProcManagementReview      Process = "management_review"
	ProcOther                 Process = "other"
)

// Frequency is how often an activity is performed.
type Frequency string

// Frequencies of register format v1; FreqOnEvent has no period.
const (
	FreqDaily      Frequency = "daily"
	FreqWeekly     Frequency = "weekly"
	FreqMonthly    Frequency = "monthly"
	FreqQuarterly  Frequency = "quarterly"
	FreqSemiannual Frequency = "semiannual"
	FreqAnnual     Frequency = "annual"
	FreqOnEvent    Frequency = "on_event"
)

// Decision is a kind of decision an authority covers.
type Decision string

// Decisions of register format v1.
const (
	DecisionGrantAccess      Decision = "grant_access"
	DecisionApproveException Decision = "approve_exception"
	DecisionApproveSupplier  Decision = "approve_supplier"
	DecisionAcceptRisk       Decision = "accept_risk"
	DecisionApproveChange    Decision = "approve_change"
	DecisionOther            Decision = "other"
)

// RiskLevel is a residual risk level, ordered low < medium < high < critical.
type RiskLevel string

// Risk levels of register format v1.
const (
	RiskLow      RiskLevel = "low"
	RiskMedium   RiskLevel = "medium"
	RiskHigh     RiskLevel = "high"
	RiskCritical RiskLevel = "critical"
)

// Treatment is how a risk is treated.
type Treatment string

// Treatments of register format v1.
const (
	TreatMitigate Treatment = "mitigate"
	TreatAccept   Treatment = "accept"
	TreatTransfer Treatment = "transfer"
	TreatAvoid    Treatment = "avoid"
)

// DelegationScope is what a delegation hands on. Accountability cannot be
// delegated: DelegationAccountable is representable so that it can be reported.
type DelegationScope string

// Delegation scopes; DelegationResponsible is the default.
const (
	DelegationResponsible DelegationScope = "responsible"
	DelegationAccountable DelegationScope = "accountable"
)
