/**
 * Whether the credentials dialog ("Connect AWS", or "Update AWS credentials" for a session) is
 * open; the header and Settings open it.
 */
class CredentialsDialogState {
	open = $state(false);

	show(): void {
		this.open = true;
	}
}

export const credentialsDialog = new CredentialsDialogState();
