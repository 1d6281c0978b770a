namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Word lists the seed draws names, places and note text from.</summary>
internal static class SeedWords
{
    public static readonly string[] CompanyFirst =
    [
        "Acme", "Blue", "Bright", "Cedar", "Cobalt", "Crescent", "Delta", "Ember", "Evergreen", "Falcon", "Granite", "Harbor",
        "Helix", "Horizon", "Iron", "Juniper", "Keystone", "Lumen", "Maple", "Meridian", "Nimbus", "Northwind", "Oak",
        "Orbit", "Pioneer", "Quartz", "Redwood", "Riverbend", "Sable", "Summit", "Tidal", "Trident", "Union", "Vertex",
        "Willow", "Zenith",
    ];

    public static readonly string[] CompanySecond =
    [
        "Analytics", "Biotech", "Capital", "Cloud", "Dynamics", "Energy", "Foods", "Freight", "Health", "Labs", "Logistics",
        "Media", "Networks", "Outfitters", "Partners", "Robotics", "Software", "Systems", "Telecom", "Ventures",
    ];

    public static readonly string[] CompanySuffix = ["Inc.", "LLC", "Ltd.", "Group", "Co.", "Corp."];

    public static readonly string[] FirstNames =
    [
        "Alex", "Amara", "Ben", "Carla", "Chen", "Diego", "Elena", "Farah", "Gabriel", "Hana", "Ivan", "Jada", "Kofi", "Lena",
        "Mateo", "Mei", "Nadia", "Omar", "Paula", "Quinn", "Rafael", "Sara", "Tariq", "Uma", "Victor", "Wen", "Yusuf", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Abbott", "Bauer", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
        "Larsen", "Mendes", "Novak", "Okafor", "Park", "Quintero", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber",
        "Xu", "Yilmaz", "Zhang",
    ];

    public static readonly string[] Titles =
    [
        "CEO", "CFO", "CTO", "VP of Operations", "Director of IT", "Head of Customer Success", "Product Manager",
        "Procurement Lead", "Data Analyst", "Office Manager", "Engineering Manager", "Marketing Director",
    ];

    public static readonly (string City, string State, string Country, string Timezone)[] Places =
    [
        ("Austin", "TX", "USA", "America/Chicago"), ("Boston", "MA", "USA", "America/New_York"),
        ("Denver", "CO", "USA", "America/Denver"), ("Seattle", "WA", "USA", "America/Los_Angeles"),
        ("Chicago", "IL", "USA", "America/Chicago"), ("Toronto", "ON", "Canada", "America/Toronto"),
        ("London", "England", "United Kingdom", "Europe/London"), ("Berlin", "Berlin", "Germany", "Europe/Berlin"),
        ("Sydney", "NSW", "Australia", "Australia/Sydney"), ("Salt Lake City", "UT", "USA", "America/Denver"),
    ];

    public static readonly string[] Streets = ["Main St", "Market St", "Oak Ave", "Park Blvd", "Harbor Way", "Pine Rd", "1st Ave"];

    public static readonly string[] Products = ["PLAT-LIC", "PRO-LIC", "ONBOARD", "SUPPORT-PREM", "TRAINING", "API-ADDON", "STORAGE-1TB"];

    public static readonly string[] NoteTopics =
    [
        "Quarterly business review", "Renewal discussion", "Onboarding check-in", "Support escalation", "Executive sync",
        "Feature request follow-up", "Usage review", "Training session", "Expansion opportunity", "Health check",
    ];

    public static readonly string[] NoteSentences =
    [
        "The customer is happy with the latest release.", "Adoption grew across the analytics team this month.",
        "They asked for better export options.", "Renewal timing depends on their budget cycle.",
        "Their admin struggled with single sign-on setup.", "We agreed to schedule a training for new users.",
        "The executive sponsor is changing roles next quarter.", "Support tickets dropped after the fix shipped.",
        "They are evaluating a competitor for one business unit.", "Usage is below the contracted seat count.",
    ];

    public static readonly string[] NextSteps =
    [
        "Schedule QBR", "Send renewal quote", "Book admin training", "Follow up on SSO ticket", "Introduce new sponsor",
        "Share roadmap", "Review seat usage",
    ];
}
