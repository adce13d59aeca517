namespace SupportFlow.Reviews;

/// <summary>
/// A kind of root cause (user operation, design defect, hardware fault, ...), named in both
/// languages. The list is editable; a category in use is deactivated, never deleted, so old
/// reviews keep their meaning.
/// </summary>
public sealed class CauseCategory
{
    private CauseCategory()
    {
    }

    public CauseCategory(string key, string nameEn, string nameZh)
    {
        Key = key;
        NameEn = nameEn;
        NameZh = nameZh;
    }

    public int Id { get; private set; }

    /// <summary>Stable camelCase key used by the API (<c>designDefect</c>).</summary>
    public string Key { get; private set; } = "";

    public string NameEn { get; set; } = "";

    public string NameZh { get; set; } = "";

    public bool IsActive { get; set; } = true;

    /// <summary>The categories SPEC names, seeded by the migration.</summary>
    public static readonly (int Id, string Key, string En, string Zh)[] Defaults =
    [
        (1, "userOperation", "User operation", "用户操作"),
        (2, "designDefect", "Design defect", "设计缺陷"),
        (3, "hardwareFault", "Hardware fault", "硬件故障"),
        (4, "configuration", "Configuration", "配置问题"),
        (5, "network", "Network", "网络问题"),
        (6, "thirdParty", "Third party", "第三方"),
        (7, "other", "Other", "其他"),
    ];
}
