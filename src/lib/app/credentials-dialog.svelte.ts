/** Whether the "Update AWS credentials" dialog is open; the header and Settings open it. */
class CredentialsDialogState {
	open = $state(false);

	show(): void {
		this.open = true;
	}
}

export const credentialsDialog = new CredentialsDialogState();
