package uk.opcc.cspgrants.grants;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stores the settings of each financial year. */
interface YearSettingsRepository extends JpaRepository<FinancialYearSettings, Integer> {

}
