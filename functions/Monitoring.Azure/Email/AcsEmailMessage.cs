namespace Monitoring.Azure.Email;

/// <summary>One email as ACS Email sends it: from a sender address of a linked domain, to at most 50 recipients.</summary>
/// <param name="SenderAddress">The sender, e.g. <c>DoNotReply@{mailFromSenderDomain}</c>; it must belong to a domain linked to the resource.</param>
/// <param name="To">The recipients.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="PlainText">The text body.</param>
/// <param name="Html">The HTML body, if any.</param>
public sealed record AcsEmailMessage(string SenderAddress, IReadOnlyList<AcsEmailAddress> To, string Subject, string PlainText, string? Html);
