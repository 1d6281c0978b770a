// The flow canvas's gestures (FlowCanvas.razor). Pan and zoom are .NET state; this module forwards the wheel, the
// canvas's keys and the canvas's size, shows a drag locally while it lasts (no round trip per pointer move), and moves
// the focus between nodes with the arrow keys.

const panStep = 48;

export function attach(host, dotnet) {
  const pan = host.querySelector(".flow-pan");
  let drag = null;
  let wheel = null;

  const call = (method, ...args) => dotnet.invokeMethodAsync(method, ...args).catch((error) => console.warn(`Flow canvas: ${method} failed`, error));
  const local = (event) => {
    const box = host.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  // Wheel zooms about the pointer; steps arriving within a frame are combined into one call.
  const onWheel = (event) => {
    event.preventDefault();
    const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
    const at = local(event);
    if (wheel) {
      wheel.factor *= factor;
      wheel.at = at;
      return;
    }
    wheel = { factor, at };
    requestAnimationFrame(() => {
      const { factor: combined, at: point } = wheel;
      wheel = null;
      call("ZoomAt", combined, point.x, point.y);
    });
  };

  // Dragging the background pans; nodes, buttons and links keep their clicks.
  const onPointerDown = (event) => {
    if (event.button !== 0 || event.target.closest(".flow-node, button, a, input")) {
      return;
    }
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, dx: 0, dy: 0, moved: false };
    host.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event) => {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    drag.dx = event.clientX - drag.x;
    drag.dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(drag.dx, drag.dy) < 3) {
      return;
    }
    drag.moved = true;
    host.classList.add("dragging");
    pan.style.translate = `${drag.dx}px ${drag.dy}px`;
  };
  const onPointerUp = async (event) => {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    const { dx, dy, moved } = drag;
    drag = null;
    host.classList.remove("dragging");
    if (moved) {
      await call("PanBy", dx, dy);
      pan.style.translate = "";
    }
  };

  // Captured before anything inside sees them: on the canvas itself the arrows pan and + / - / 0 zoom and fit; on a
  // node the arrows move to the neighbouring node and Enter or Space opens its menu.
  const onKeyDown = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const node = event.target.closest?.(".flow-node");
    if (event.target === host) {
      const moves = { ArrowLeft: [panStep, 0], ArrowRight: [-panStep, 0], ArrowUp: [0, panStep], ArrowDown: [0, -panStep] };
      if (moves[event.key]) {
        call("PanBy", ...moves[event.key]);
      } else if (event.key === "+" || event.key === "=") {
        call("ZoomBy", 1.25);
      } else if (event.key === "-" || event.key === "_") {
        call("ZoomBy", 0.8);
      } else if (event.key === "0") {
        call("Fit");
      } else {
        return;
      }
    } else if (node && event.target === node) {
      const to = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" }[event.key];
      if (to) {
        const id = node.dataset[to];
        if (id) {
          focusNode(host, id);
        }
      } else if (event.key === "Enter" || event.key === " ") {
        openMenu(node);
      } else {
        return;
      }
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  // A node reached with Tab or the arrows is scrolled into view.
  const onFocusIn = (event) => {
    const node = event.target.closest?.(".flow-node");
    if (node) {
      call("Reveal", node.dataset.nodeId);
    }
  };

  let resizeTimer = 0;
  const resize = new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const box = host.getBoundingClientRect();
      call("Resized", box.width, box.height);
    }, 100);
  });

  host.addEventListener("wheel", onWheel, { passive: false });
  host.addEventListener("pointerdown", onPointerDown);
  host.addEventListener("pointermove", onPointerMove);
  host.addEventListener("pointerup", onPointerUp);
  host.addEventListener("pointercancel", onPointerUp);
  host.addEventListener("keydown", onKeyDown, true);
  host.addEventListener("focusin", onFocusIn);
  resize.observe(host);

  return {
    size() {
      const box = host.getBoundingClientRect();
      return { width: box.width, height: box.height };
    },
    // After a node's menu closes (Escape, or an action without a page to go to) the focus goes back to the node,
    // unless something else took it meanwhile (a confirmation dialog).
    restoreFocus(id) {
      setTimeout(() => {
        const active = document.activeElement;
        if (!active || active === document.body || active.closest?.(".mud-popover")) {
          focusNode(host, id);
        }
      }, 150);
    },
    dispose() {
      resize.disconnect();
      clearTimeout(resizeTimer);
      host.removeEventListener("wheel", onWheel);
      host.removeEventListener("pointerdown", onPointerDown);
      host.removeEventListener("pointermove", onPointerMove);
      host.removeEventListener("pointerup", onPointerUp);
      host.removeEventListener("pointercancel", onPointerUp);
      host.removeEventListener("keydown", onKeyDown, true);
      host.removeEventListener("focusin", onFocusIn);
    },
  };
}

function focusNode(host, id) {
  host.querySelector(`.flow-node[data-node-id="${CSS.escape(id)}"]`)?.focus();
}

// The node is its menu's activator: a click opens the menu; then the first item takes the focus, as a keyboard user expects.
function openMenu(node) {
  node.click();
  let frames = 0;
  const focusFirst = () => {
    const list = document.getElementById(node.getAttribute("aria-controls") ?? "") ?? document.querySelector(".flow-node-menu-list.mud-popover-open, .mud-popover-open .flow-node-menu-list");
    const item = list?.querySelector('[role="menuitem"]:not([aria-disabled="true"])');
    if (item) {
      item.focus();
    } else if (frames++ < 60) {
      requestAnimationFrame(focusFirst);
    }
  };
  requestAnimationFrame(focusFirst);
}
