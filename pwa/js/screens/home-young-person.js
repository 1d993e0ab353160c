// A young person's home. Only what exists today: who can see their information,
// their phones, their PIN. Plain words throughout.
import { accountItems, menu } from "../account.js";
import { h, heading, put } from "../ui.js";

export async function render(view, { me, go }) {
  put(
    view,
    heading(`Hi ${me.user.display_name}`, "home-greeting"),
    menu([
      h("a", { href: "#/my-info", class: "menu-item", testid: "link-my-info" }, "Who can see my information"),
      ...accountItems(me, go),
    ]),
  );
}
