using FlowStudio.Web.Features.Flows;

namespace FlowStudio.Web.Tests.Components.Canvas;

public sealed class FlowLayoutTests
{
    private static readonly FlowLayoutNode[] TwoDestinations =
    [
        new("src", FlowNodeKind.Source, null),
        new("ds", FlowNodeKind.Dataset, "src"),
        new("dst1", FlowNodeKind.Destination, "ds"),
        new("dst2", FlowNodeKind.Destination, "ds"),
    ];

    [Fact]
    public void Compute_LeftToRight_PutsEachStepInTheNextColumnAndCentresParentsOnTheirChildren()
    {
        var layout = FlowLayout.Compute(TwoDestinations, FlowOrientation.LeftToRight);

        var at = layout.Placements.ToDictionary(p => p.Id);
        Assert.True(at["src"].X < at["ds"].X && at["ds"].X < at["dst1"].X);
        Assert.Equal(at["dst1"].X, at["dst2"].X);
        Assert.True(at["dst1"].Y < at["dst2"].Y);
        Assert.Equal((at["dst1"].Y + at["dst2"].Y) / 2, at["ds"].Y);
        Assert.Equal(at["ds"].Y, at["src"].Y);
        Assert.Equal(["src", "ds", "dst1", "dst2"], layout.Placements.Select(p => p.Id));
        Assert.Equal([("src", "ds"), ("ds", "dst1"), ("ds", "dst2")], layout.Edges.Select(e => (e.From, e.To)));
    }

    [Fact]
    public void Compute_LeftToRight_ArrowNeighboursFollowEdgesAndColumns()
    {
        var layout = FlowLayout.Compute(TwoDestinations, FlowOrientation.LeftToRight);

        var at = layout.Placements.ToDictionary(p => p.Id);
        Assert.Equal(("ds", (string?)null), (at["src"].Right, at["src"].Left));
        Assert.Equal(("src", "dst1"), (at["ds"].Left, at["ds"].Right));
        Assert.Equal(("dst2", (string?)null), (at["dst1"].Down, at["dst1"].Up));
        Assert.Equal("dst1", at["dst2"].Up);
    }

    [Fact]
    public void Compute_TopToBottom_StacksNodesInReadingOrderIndentedByStep()
    {
        var layout = FlowLayout.Compute(TwoDestinations, FlowOrientation.TopToBottom);

        var at = layout.Placements.ToDictionary(p => p.Id);
        Assert.True(at["src"].Y < at["ds"].Y && at["ds"].Y < at["dst1"].Y && at["dst1"].Y < at["dst2"].Y);
        Assert.True(at["src"].X < at["ds"].X && at["ds"].X < at["dst1"].X);
        Assert.Equal(at["dst1"].X, at["dst2"].X);
        Assert.True(layout.Width < 390, $"the narrow layout is {layout.Width}px wide");
        Assert.Equal(("ds", "dst2"), (at["dst1"].Up, at["dst1"].Down));
    }

    [Fact]
    public void Compute_NodeWhosParentIsGone_StartsItsOwnRow()
    {
        var layout = FlowLayout.Compute([new("dst", FlowNodeKind.Destination, "deleted-dataset")], FlowOrientation.LeftToRight);

        Assert.Null(Assert.Single(layout.Placements).Left);
        Assert.Empty(layout.Edges);
    }

    [Fact]
    public void Fit_WideWorldInANarrowView_ShrinksItToFitAndCentresIt()
    {
        var view = FlowViewport.Fit(1000, 200, 500, 400, FlowOrientation.LeftToRight);

        Assert.InRange(view.Scale, 0.45, 0.5);
        Assert.Equal(250 - 1000 * view.Scale / 2, view.X, 3);
    }

    [Fact]
    public void Fit_SmallWorld_NeverZoomsPastActualSize()
    {
        Assert.Equal(1, FlowViewport.Fit(300, 100, 1200, 600, FlowOrientation.LeftToRight).Scale);
    }

    [Fact]
    public void ZoomAt_Point_KeepsThatPointWhereItIs()
    {
        var before = new FlowViewport(40, 20, 1);

        var after = before.ZoomAt(2, 140, 120);

        Assert.Equal(2, after.Scale);
        Assert.Equal((140 - before.X) / before.Scale, (140 - after.X) / after.Scale, 6);
        Assert.Equal((120 - before.Y) / before.Scale, (120 - after.Y) / after.Scale, 6);
    }

    [Fact]
    public void ZoomAt_PastTheLimits_StopsAtThem()
    {
        Assert.Equal(FlowViewport.MaxScale, FlowViewport.Identity.ZoomAt(100, 0, 0).Scale);
        Assert.Equal(FlowViewport.MinScale, FlowViewport.Identity.ZoomAt(0.001, 0, 0).Scale);
    }

    [Fact]
    public void Reveal_NodeOffTheRight_PansJustEnoughToShowIt()
    {
        var view = FlowViewport.Identity.Reveal(900, 40, 232, 112, 800, 500);

        Assert.Equal(800 - 16 - (900 + 232), view.X);
        Assert.Equal(0, view.Y);
    }
}
