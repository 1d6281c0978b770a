using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FlowStudio.Web.Features.Flows;

/// <summary>
/// Pan and zoom are kept here (the browser module only forwards gestures), so buttons, keys, wheel and drag all move the
/// same <see cref="FlowViewport"/>. The canvas fits itself to the screen until the user moves it.
/// </summary>
public sealed partial class FlowCanvas : IAsyncDisposable
{
    /// <summary>Below this width the flows are drawn top to bottom, so nodes stay readable on a phone.</summary>
    private const double NarrowWidth = 700;

    private ElementReference _host;
    private IJSObjectReference? _module;
    private IJSObjectReference? _gestures;
    private DotNetObjectReference<FlowCanvas>? _self;
    private FlowLayout _layout = FlowLayout.Compute([], FlowOrientation.LeftToRight);
    private FlowViewport _view = FlowViewport.Identity;
    private (double Width, double Height) _size = (1040, 560);
    private bool _moved;
    private bool _showList;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Parameter, EditorRequired] public FlowMap Map { get; set; } = FlowMap.Empty;

    [Parameter] public bool MayChange { get; set; }

    private FlowOrientation Orientation => _size.Width < NarrowWidth ? FlowOrientation.TopToBottom : FlowOrientation.LeftToRight;

    private string WorldStyle => $"width: {Px(_layout.Width)}px; height: {Px(_layout.Height)}px; transform: {_view.Transform};";

    protected override void OnParametersSet() => Relayout();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "/dist/flow-canvas-interop.js");
            if (_module is null)
            {
                return;
            }

            _self = DotNetObjectReference.Create(this);
            _gestures = await _module.InvokeAsync<IJSObjectReference>("attach", _host, _self);
            var size = await _gestures.InvokeAsync<CanvasSize?>("size");
            if (size is { Width: > 0, Height: > 0 })
            {
                await Resized(size.Width, size.Height);
            }
            else
            {
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
        }
        catch (InvalidOperationException)
        {
            // Prerendering: no browser yet.
        }
    }

    // Called from the browser module as well as from the buttons: each change is applied on the renderer's dispatcher.
    [JSInvokable]
    public Task PanBy(double dx, double dy) => InvokeAsync(() => Move(_view.PanBy(dx, dy)));

    [JSInvokable]
    public Task ZoomAt(double factor, double x, double y) => InvokeAsync(() => Move(_view.ZoomAt(factor, x, y)));

    [JSInvokable]
    public Task ZoomBy(double factor) => InvokeAsync(() => Move(_view.ZoomAt(factor, _size.Width / 2, _size.Height / 2)));

    [JSInvokable]
    public Task Fit() => InvokeAsync(() =>
    {
        _moved = false;
        _view = FlowViewport.Fit(_layout.Width, _layout.Height, _size.Width, _size.Height, _layout.Orientation);
        StateHasChanged();
    });

    [JSInvokable]
    public Task Resized(double width, double height) => InvokeAsync(() =>
    {
        var orientation = Orientation;
        _size = (width, height);
        if (orientation != Orientation)
        {
            _moved = false;
        }

        Relayout();
        StateHasChanged();
    });

    /// <summary>A node that takes the focus is moved into view.</summary>
    [JSInvokable]
    public Task Reveal(string nodeId) => InvokeAsync(() =>
    {
        if (_layout.Placements.FirstOrDefault(p => p.Id == nodeId) is { } node)
        {
            var revealed = _view.Reveal(node.X, node.Y, FlowLayout.NodeWidth, FlowLayout.NodeHeight, _size.Width, _size.Height);
            if (revealed != _view)
            {
                Move(revealed);
            }
        }
    });

    /// <summary>Gives the focus back to a node whose menu closed, when nothing else has taken it.</summary>
    internal async Task RestoreFocusAsync(string nodeId)
    {
        try
        {
            if (_gestures is not null)
            {
                await _gestures.InvokeVoidAsync("restoreFocus", nodeId);
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private void Move(FlowViewport view)
    {
        _moved = true;
        _view = view;
        StateHasChanged();
    }

    private void Relayout()
    {
        _layout = FlowLayout.Compute(FlowGraph.Nodes(Map), Orientation);
        if (!_moved)
        {
            _view = FlowViewport.Fit(_layout.Width, _layout.Height, _size.Width, _size.Height, _layout.Orientation);
        }
    }

    private static string SlotStyle(FlowPlacement placement) =>
        $"left: {Px(placement.X)}px; top: {Px(placement.Y)}px; width: {Px(FlowLayout.NodeWidth)}px; height: {Px(FlowLayout.NodeHeight)}px;";

    private static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_gestures is not null)
            {
                await _gestures.InvokeVoidAsync("dispose");
                await _gestures.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }

        _self?.Dispose();
    }

    private sealed record CanvasSize(double Width, double Height);
}
