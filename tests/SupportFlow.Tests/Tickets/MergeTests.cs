using SupportFlow.Common;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Tickets;

/// <summary>Merging Bob's duplicate into Alice's ticket: staff keep every line, neither reporter reads the other's.</summary>
public sealed class MergeTests
{
    private const string DuplicateNumber = "20260520-002";
    private readonly Desk _desk = new();

    private (Ticket Survivor, Ticket Duplicate, int DuplicateLines) MergeBobsDuplicate()
    {
        var survivor = _desk.In(TicketStatus.InProgress).WithId(1);
        var duplicate = Ticket.Receive(DuplicateNumber, _desk.Intake(_desk.Bob), _desk.Module, _desk.Bob.ToActor(), _desk.Next())
            .WithId(2);
        duplicate.Comment(_desk.Bob.ToActor(), _desk.Next(), "第三台电脑也登不上, call me on my mobile");
        var stored = duplicate.History.ToList();

        duplicate.MergeInto(survivor, stored, _desk.Owner, _desk.Next());

        return (survivor, duplicate, duplicate.History.Count);
    }

    [Fact]
    public void EveryLineOfTheDuplicateIsCarriedOverOnceAsAStaffOnlyLine()
    {
        var (survivor, duplicate, duplicateLines) = MergeBobsDuplicate();

        var carried = survivor.History.Where(h => h.MergedFrom == DuplicateNumber).ToList();
        Assert.Equal(duplicateLines, carried.Count);
        Assert.Equal(duplicate.History.Select(h => (h.Action, h.Field, h.NewValue, h.Note)),
            carried.Select(h => (h.Action, h.Field, h.NewValue, h.Note)));
        Assert.Contains(carried, h => h.Note?.Contains("第三台电脑", StringComparison.Ordinal) == true);
        Assert.All(carried, h => Assert.False(h.IsPublic));
    }

    [Fact]
    public void TheSurvivorsReporterDoesNotSeeTheOtherReportersTextOrContactDetails()
    {
        var (survivor, _, _) = MergeBobsDuplicate();

        var merge = survivor.History.Single(h => h.Action == "merge");
        Assert.Equal(DuplicateNumber, merge.NewValue);
        Assert.Contains("bob@example.com", merge.Note, StringComparison.Ordinal);
        Assert.False(merge.IsPublic);
        var publicText = string.Join("\n", survivor.History.Where(h => h.IsPublic).Select(h => $"{h.NewValue} {h.Note}"));
        Assert.DoesNotContain("bob@example.com", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain(_desk.Bob.Name, publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("第三台电脑", publicText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDuplicatesReporterKeepsTheirTicketWithAPublicPointerToTheSurvivor()
    {
        var (survivor, duplicate, _) = MergeBobsDuplicate();

        Assert.Equal(TicketStatus.Cancelled, duplicate.Status);
        Assert.True(TicketPermissions.CanSee(_desk.Bob.ToActor(), duplicate));
        Assert.False(TicketPermissions.CanSee(_desk.Bob.ToActor(), survivor));
        Assert.Contains(duplicate.History, h => h.IsPublic && h.Field == "cancelReason"
                                                && h.NewValue!.Contains($"Duplicate of {survivor.Number}", StringComparison.Ordinal));
    }

    [Fact]
    public void ADuplicateIsNotMergedIntoItselfNorIntoAClosedTicket()
    {
        var closed = _desk.In(TicketStatus.Closed).WithId(1);
        var duplicate = Ticket.Receive(DuplicateNumber, _desk.Intake(_desk.Bob), _desk.Module, _desk.Bob.ToActor(), _desk.Next())
            .WithId(2);

        Assert.Throws<DomainException>(() => duplicate.MergeInto(duplicate, [], _desk.Owner, _desk.Next()));
        Assert.Throws<DomainException>(() => duplicate.MergeInto(closed, [], _desk.Owner, _desk.Next()));
        Assert.Equal(TicketStatus.New, duplicate.Status);
    }
}
