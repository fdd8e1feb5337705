-- Every text search reads the copy of the vector in agreement_search (its GIN index); this one only
-- made each write of an agreement dearer (about a tenth of an import).
DROP INDEX "agreements_search_idx";
