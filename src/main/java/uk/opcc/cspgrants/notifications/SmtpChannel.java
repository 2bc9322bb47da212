package uk.opcc.cspgrants.notifications;

import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail by SMTP through Spring Boot's mail starter ({@code spring.mail.host},
 * {@code spring.mail.port}, {@code spring.mail.username} and so on): plain text, UTF-8,
 * from {@code csp-grants.notifications.from} in the office's name, with the message key
 * in the {@value #KEY_HEADER} header so that a message sent again can be recognised.
 */
class SmtpChannel implements MailChannel {

	static final String KEY_HEADER = "X-CSP-Grants-Message-Key";

	private final JavaMailSender mail;

	private final Letter letter;

	private final String where;

	private final String[] secrets;

	SmtpChannel(JavaMailSender mail, Letter letter, String where, String... secrets) {
		this.mail = mail;
		this.letter = letter;
		this.where = where;
		this.secrets = secrets;
	}

	@Override
	public void send(Outgoing message) throws SendFailure {
		try {
			MimeMessage mime = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
			helper.setFrom(this.letter.from(), this.letter.senderName());
			helper.setTo(new InternetAddress(message.email(), message.name(), "UTF-8"));
			helper.setSubject(message.subject());
			helper.setText(this.letter.text(message), false);
			mime.setHeader(KEY_HEADER,
					MimeUtility.fold(KEY_HEADER.length() + 2, MimeUtility.encodeText(message.key(), "UTF-8", null)));
			this.mail.send(mime);
		}
		catch (MailParseException | MailPreparationException ex) {
			throw new SendFailure(Reasons.of(ex, this.secrets), true);
		}
		catch (MailException ex) {
			throw new SendFailure(Reasons.of(ex, this.secrets), false);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new SendFailure(Reasons.of(ex, this.secrets), true);
		}
	}

	@Override
	public String describe() {
		return "by SMTP through " + this.where;
	}

}
