using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Intake;

namespace SupportFlow.Data;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> mailbox)
    {
        mailbox.HasIndex(m => m.Name).IsUnique();
        mailbox.Property(m => m.Name).HasMaxLength(Limits.Name);
        mailbox.Property(m => m.Host).HasMaxLength(Limits.Host);
        mailbox.Property(m => m.UserName).HasMaxLength(Limits.Email);
        mailbox.Property(m => m.Password).HasMaxLength(Limits.Password);
        mailbox.Property(m => m.Folder).HasMaxLength(Limits.Name);
        mailbox.Property(m => m.Address).HasMaxLength(Limits.Email);
        mailbox.Property(m => m.Version).IsConcurrencyToken();
        mailbox.HasOne(m => m.Module).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChatChannelConfiguration : IEntityTypeConfiguration<ChatChannel>
{
    public void Configure(EntityTypeBuilder<ChatChannel> channel)
    {
        channel.HasIndex(c => c.Name).IsUnique();
        channel.Property(c => c.Name).HasMaxLength(Limits.Name);
        channel.Property(c => c.Token).HasMaxLength(Limits.Name);
        channel.Property(c => c.Secret).HasMaxLength(Limits.Password);
        channel.Property(c => c.AesKey).HasMaxLength(Limits.Name);
        channel.Property(c => c.AnswerUrl).HasMaxLength(Limits.Url);
        channel.Property(c => c.AnswerSecret).HasMaxLength(Limits.Password);
        channel.Ignore(c => c.AnswerGroup);
        channel.HasOne(c => c.Module).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChatIdentityConfiguration : IEntityTypeConfiguration<ChatIdentity>
{
    public void Configure(EntityTypeBuilder<ChatIdentity> identity)
    {
        // One person on one channel is one user; a channel removed takes its bindings with it.
        identity.HasIndex(i => new { i.ChatChannelId, i.SenderId }).IsUnique();
        identity.HasIndex(i => i.UserId);
        identity.Property(i => i.SenderId).HasMaxLength(Limits.Email); // the generic format may name a person by address
        identity.HasOne(i => i.Channel).WithMany().HasForeignKey(i => i.ChatChannelId).OnDelete(DeleteBehavior.Cascade);
        identity.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> message)
    {
        // The exactly-once keys: a source's own identity of the message, and the mail's Message-ID.
        message.HasIndex(m => new { m.Channel, m.Source, m.Key }).IsUnique();
        message.HasIndex(m => m.MessageId).IsUnique();
        message.HasIndex(m => new { m.Outcome, m.Id });
        message.Property(m => m.Source).HasMaxLength(Limits.Name);
        message.Property(m => m.Key).HasMaxLength(Limits.Name);
        message.Property(m => m.MessageId).HasMaxLength(Limits.MessageId);
        message.Property(m => m.From).HasMaxLength(Limits.Email + Limits.Name);
        message.Property(m => m.Subject).HasMaxLength(Limits.Title);
        message.Property(m => m.TicketNumber).HasMaxLength(20);
        message.Property(m => m.Note).HasMaxLength(2000);
        message.HasOne(m => m.Ticket).WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
