package uk.opcc.cspgrants.partnership;

import java.util.ArrayList;
import java.util.List;

/** The make-a-group and change-a-group forms. */
class PartnershipGroupForm {

	private String name;

	private String description;

	private List<Long> members = new ArrayList<>();

	private long version;

	static PartnershipGroupForm from(PartnershipGroupView view) {
		PartnershipGroupForm form = new PartnershipGroupForm();
		form.name = view.name();
		form.description = view.description();
		form.members = new ArrayList<>(view.members().stream().map(PartnershipGroupView.Member::id).toList());
		form.version = view.version();
		return form;
	}

	PartnershipGroupDetails toDetails() {
		return new PartnershipGroupDetails(this.name, this.description, this.members);
	}

	public boolean hasMember(long id) {
		return this.members.contains(id);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<Long> getMembers() {
		return this.members;
	}

	public void setMembers(List<Long> members) {
		this.members = (members == null) ? new ArrayList<>() : members;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
