namespace Monitoring.Azure.Email;

/// <summary>
/// Where a send stands when <see cref="AcsEmailClient.SendAsync"/> returns: terminal, or still
/// <see cref="AcsEmailStatus.NotStarted"/> or <see cref="AcsEmailStatus.Running"/> when the poll timeout ran out
/// (the service accepted the email and goes on delivering it).
/// </summary>
/// <param name="Id">The operation id: the <c>Operation-Id</c> the send carried.</param>
/// <param name="Status">The last status the service reported.</param>
/// <param name="ErrorCode">The operation's error code, when it failed or was canceled.</param>
/// <param name="ErrorMessage">The operation's error message, when it failed or was canceled.</param>
/// <param name="SendAttempts">How many times the send request went out (retries included).</param>
/// <param name="LastHttpStatus">The HTTP status of the last answer (the send's 202, or the last poll's 200).</param>
public sealed record AcsEmailOperation(string Id, AcsEmailStatus Status, string? ErrorCode, string? ErrorMessage, int SendAttempts, int LastHttpStatus)
{
    /// <summary>True once the status can no longer change: succeeded, failed or canceled.</summary>
    public bool IsTerminal => Status is AcsEmailStatus.Succeeded or AcsEmailStatus.Failed or AcsEmailStatus.Canceled;
}
