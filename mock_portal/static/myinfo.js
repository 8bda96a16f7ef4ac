// 法定代表人信息: 所属大洲 is not asked for a 中华人民共和国大陆地区 representative (FAQ-1.8.7).
// Progressive enhancement only: the server ignores the continent for the mainland type anyway.
document.addEventListener("DOMContentLoaded", function () {
  var type = document.getElementById("rep_type");
  var continent = document.getElementById("rep_continent");
  if (!type || !continent) return;
  function sync() {
    var mainland = type.value === "中华人民共和国大陆地区";
    if (mainland) continent.value = "";
    continent.disabled = mainland;
  }
  type.addEventListener("change", sync);
  sync();
});
