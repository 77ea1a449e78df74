/* ferry-member-row.c: one member in the roster's list
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per visible item of the roster's GtkListView and given another member as the
 * list scrolls (bind/unbind), so it holds no more than its labels: the old address, the name
 * and where the member goes, and the state. It follows the member's notifications while bound.
 */

#define G_LOG_DOMAIN "ferry-member-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-member-row.h"

struct _FerryMemberRow
{
  GtkBox       parent_instance;

  FerryMember *member;     /* owned, while bound */
  GtkLabel    *address;
  GtkLabel    *detail;
  GtkLabel    *state;
};

G_DEFINE_FINAL_TYPE (FerryMemberRow, ferry_member_row, GTK_TYPE_BOX)

/* The css class of a state's badge: success, warning, error or none. */
static const char *
state_class (FerryMemberState state)
{
  switch (state)
    {
    case FERRY_MEMBER_STATE_MOVED:
    case FERRY_MEMBER_STATE_ARRIVING:
    case FERRY_MEMBER_STATE_DONE:
      return "success";
    case FERRY_MEMBER_STATE_NOT_STARTED:
    case FERRY_MEMBER_STATE_INACTIVE:
    case FERRY_MEMBER_STATE_ELSEWHERE:
      return "warning";
    case FERRY_MEMBER_STATE_DELETED:
    case FERRY_MEMBER_STATE_SUSPENDED:
      return "error";
    case FERRY_MEMBER_STATE_UNKNOWN:
    case FERRY_MEMBER_STATE_NEW_ACCOUNT:
    case FERRY_MEMBER_STATE_ALIAS_SET:
    default:
      return NULL;
    }
}

static void
update (FerryMemberRow *self)
{
  static const char * const classes[] = { "success", "warning", "error" };
  FerryMember *member = self->member;
  FerryMemberState state;
  const char *name, *moved_to, *label, *css;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;

  if (member == NULL)
    return;
  state = ferry_member_get_state (member);
  name = ferry_member_get_display_name (member);
  moved_to = ferry_member_get_moved_to (member);
  label = ferry_member_state_to_label (state);
  if (state == FERRY_MEMBER_STATE_ELSEWHERE && moved_to != NULL)
    /* Translators: where a member went instead of the community's server */
    detail = g_strdup_printf (_("went to %s"), moved_to);
  else
    /* Translators: the address a member is expected to have on the new server */
    detail = g_strdup_printf (_("→ %s"), ferry_member_get_new_address (member));
  if (ferry_member_state_is_moved (state) && ferry_member_get_arrived_ratio (member) >= 0)
    {
      /* Translators: "→ user@new.example · 80 % of the followers" (against the baseline) */
      char *with_ratio = g_strdup_printf (_("%s · %.0f %% of the followers"), detail,
                                          100 * ferry_member_get_arrived_ratio (member));

      g_free (detail);
      detail = with_ratio;
    }
  if (name != NULL && name[0] != '\0')
    {
      char *with_name = g_strdup_printf ("%s · %s", name, detail);

      g_free (detail);
      detail = with_name;
    }
  gtk_label_set_label (self->address, ferry_member_get_old_address (member));
  gtk_label_set_label (self->detail, detail);
  gtk_label_set_label (self->state, label);
  css = state_class (state);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (css, classes[i]) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self->state), classes[i]);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state), css);
  /* Translators: a roster row read out: address, where to, state */
  accessible = g_strdup_printf (_("%s, %s, %s"), ferry_member_get_old_address (member), detail,
                                label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
ferry_member_row_dispose (GObject *object)
{
  ferry_member_row_set_member (FERRY_MEMBER_ROW (object), NULL);

  G_OBJECT_CLASS (ferry_member_row_parent_class)->dispose (object);
}

static void
ferry_member_row_class_init (FerryMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_member_row_dispose;
  gtk_widget_class_set_css_name (widget_class, "memberrow");
}

static void
ferry_member_row_init (FerryMemberRow *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *address = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *state = gtk_label_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);
  gtk_label_set_xalign (GTK_LABEL (address), 0);
  gtk_label_set_ellipsize (GTK_LABEL (address), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (address, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), address);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "member-state");
  gtk_box_append (GTK_BOX (self), labels);
  gtk_box_append (GTK_BOX (self), state);
  self->address = GTK_LABEL (address);
  self->detail = GTK_LABEL (detail);
  self->state = GTK_LABEL (state);
}

GtkWidget *
ferry_member_row_new (void)
{
  return g_object_new (FERRY_TYPE_MEMBER_ROW, NULL);
}

void
ferry_member_row_set_member (FerryMemberRow *self,
                             FerryMember    *member)
{
  g_return_if_fail (FERRY_IS_MEMBER_ROW (self));
  g_return_if_fail (member == NULL || FERRY_IS_MEMBER (member));

  if (self->member == member)
    return;
  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  g_set_object (&self->member, member);
  if (member == NULL)
    return;
  g_signal_connect_swapped (member, "notify", G_CALLBACK (update), self);
  update (self);
}

FerryMember *
ferry_member_row_get_member (FerryMemberRow *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_ROW (self), NULL);

  return self->member;
}
