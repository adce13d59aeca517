using System.Text.Json.Serialization;

namespace SupportFlow.Tickets;

/// <summary>P1 urgent (business interrupted) to P4 low (can wait). On the wire: "P1".."P4".</summary>
public enum Priority
{
    [JsonStringEnumMemberName("P1")]
    P1 = 1,

    [JsonStringEnumMemberName("P2")]
    P2 = 2,

    [JsonStringEnumMemberName("P3")]
    P3 = 3,

    [JsonStringEnumMemberName("P4")]
    P4 = 4,
}
