namespace Monitoring.Core.Notifications;

/// <summary>An email's subject and bodies.</summary>
/// <param name="Subject">One line.</param>
/// <param name="PlainText">The text body.</param>
/// <param name="Html">The HTML body (every value encoded).</param>
public sealed record EmailContent(string Subject, string PlainText, string Html);
