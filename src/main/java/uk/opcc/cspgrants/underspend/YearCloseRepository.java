package uk.opcc.cspgrants.underspend;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stores the close of each financial year with its frozen underspend. */
interface YearCloseRepository extends JpaRepository<YearClose, Integer> {

}
