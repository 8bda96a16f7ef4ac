// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", function () {
  var img = document.getElementById("captcha-image");
  var btn = document.getElementById("captcha-refresh");
  function refresh() {
    img.src = img.getAttribute("data-refresh") + "&t=" + Date.now();
  }
  if (img) {
    img.addEventListener("click", refresh);
    if (btn) btn.addEventListener("click", refresh);
  }
  document.querySelectorAll("[data-dismiss]").forEach(function (el) {
    el.addEventListener("click", function () {
      var target = document.getElementById(el.getAttribute("data-dismiss"));
      if (target) target.hidden = true;
    });
  });
});
