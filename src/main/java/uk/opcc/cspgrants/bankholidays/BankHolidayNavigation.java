package uk.opcc.cspgrants.bankholidays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class BankHolidayNavigation {

	@Bean
	NavigationEntry bankHolidaysLink() {
		return NavigationEntry.of(920, "Bank holidays", "/admin/bank-holidays", Role.ADMIN);
	}

}
