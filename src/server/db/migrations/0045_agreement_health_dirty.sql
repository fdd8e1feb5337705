CREATE TABLE "agreement_health_dirty" (
	"agreement_id" uuid
);
