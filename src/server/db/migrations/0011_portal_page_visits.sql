CREATE TABLE "portal_page_visits" (
	"page" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"day" date NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "portal_page_visits_page_entity_id_day_pk" PRIMARY KEY("page","entity_id","day"),
	CONSTRAINT "portal_page_visits_count_ok" CHECK ("portal_page_visits"."visits" >= 0)
);
