package uk.opcc.cspgrants.partnership;

import java.util.List;

/** The add-a-partnership and change-a-partnership forms. */
class PartnershipForm {

	private String name;

	private String code;

	private String onsCode;

	private String leadAuthority;

	private boolean active = true;

	private long version;

	private String aliases = "";

	private Long responsibleOfficerId;

	static PartnershipForm from(PartnershipView view) {
		PartnershipForm form = new PartnershipForm();
		form.name = view.name();
		form.code = view.code();
		form.onsCode = view.onsCode();
		form.leadAuthority = view.leadAuthority();
		form.active = view.active();
		form.version = view.version();
		form.aliases = String.join("\n", view.aliases());
		form.responsibleOfficerId = view.responsibleOfficerId();
		return form;
	}

	PartnershipDetails toDetails() {
		return new PartnershipDetails(this.name, this.code, this.onsCode, this.leadAuthority, this.active,
				List.of(this.aliases.split("\\R")));
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getOnsCode() {
		return this.onsCode;
	}

	public void setOnsCode(String onsCode) {
		this.onsCode = onsCode;
	}

	public String getLeadAuthority() {
		return this.leadAuthority;
	}

	public void setLeadAuthority(String leadAuthority) {
		this.leadAuthority = leadAuthority;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getAliases() {
		return this.aliases;
	}

	public void setAliases(String aliases) {
		this.aliases = (aliases == null) ? "" : aliases;
	}

	public Long getResponsibleOfficerId() {
		return this.responsibleOfficerId;
	}

	public void setResponsibleOfficerId(Long responsibleOfficerId) {
		this.responsibleOfficerId = responsibleOfficerId;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
