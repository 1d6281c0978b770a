using System.Globalization;

namespace FlowStudio.Web.Features.Flows;

/// <summary>
/// The canvas's pan and zoom: the world is drawn at <see cref="Scale"/>, its origin moved to (<see cref="X"/>,
/// <see cref="Y"/>) in the canvas's own pixels.
/// </summary>
internal readonly record struct FlowViewport(double X, double Y, double Scale)
{
    public const double MinScale = 0.25;
    public const double MaxScale = 2;
    public const double Step = 1.25;
    private const double Padding = 16;

    public static readonly FlowViewport Identity = new(0, 0, 1);

    /// <summary>The CSS transform that draws the world at this viewport.</summary>
    public string Transform => string.Create(CultureInfo.InvariantCulture, $"translate({X:0.##}px, {Y:0.##}px) scale({Scale:0.####})");

    public int Percent => (int)Math.Round(Scale * 100);

    public FlowViewport PanBy(double dx, double dy) => this with { X = X + dx, Y = Y + dy };

    /// <summary>Zooms by <paramref name="factor"/> keeping the canvas point (<paramref name="cx"/>, <paramref name="cy"/>) where it is.</summary>
    public FlowViewport ZoomAt(double factor, double cx, double cy)
    {
        var scale = Math.Clamp(Scale * factor, MinScale, MaxScale);
        var applied = scale / Scale;
        return new FlowViewport(cx - (cx - X) * applied, cy - (cy - Y) * applied, scale);
    }

    /// <summary>
    /// The whole world in view: as large as fits up to 100 %, centred. Top to bottom (narrow screens) fits the width only
    /// and starts at the top, so the nodes stay readable and the rest is a pan away.
    /// </summary>
    public static FlowViewport Fit(double worldWidth, double worldHeight, double viewWidth, double viewHeight, FlowOrientation orientation)
    {
        if (worldWidth <= 0 || worldHeight <= 0 || viewWidth <= 0 || viewHeight <= 0)
        {
            return Identity;
        }

        var byWidth = (viewWidth - 2 * Padding) / worldWidth;
        var byHeight = (viewHeight - 2 * Padding) / worldHeight;
        var scale = Math.Clamp(orientation == FlowOrientation.TopToBottom ? byWidth : Math.Min(byWidth, byHeight), MinScale, 1);
        var x = (viewWidth - worldWidth * scale) / 2;
        var y = orientation == FlowOrientation.TopToBottom ? 0 : Math.Max(0, (viewHeight - worldHeight * scale) / 2);
        return new FlowViewport(x, y, scale);
    }

    /// <summary>Moved just enough that the world rectangle (<paramref name="left"/>, <paramref name="top"/>, width, height) is inside the view.</summary>
    public FlowViewport Reveal(double left, double top, double width, double height, double viewWidth, double viewHeight)
    {
        var (x1, y1) = (X + left * Scale, Y + top * Scale);
        var (x2, y2) = (x1 + width * Scale, y1 + height * Scale);
        var dx = x1 < Padding ? Padding - x1 : x2 > viewWidth - Padding ? Math.Max(viewWidth - Padding - x2, Padding - x1) : 0;
        var dy = y1 < Padding ? Padding - y1 : y2 > viewHeight - Padding ? Math.Max(viewHeight - Padding - y2, Padding - y1) : 0;
        return PanBy(dx, dy);
    }
}
