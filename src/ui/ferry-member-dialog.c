/* ferry-member-dialog.c: one member's detail and history
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the checks saw (the state, where they went, the followers against the baseline), how
 * the member was found, and their history, newest first; and what only the helper knows: the
 * expected new address (a CSV of old and new sets it too), a note, and whether they asked not
 * to be mentioned. Each edit is applied at once and saved with the community. The dialog
 * follows the member while it is open (a check may run meanwhile).
 */

#define G_LOG_DOMAIN "ferry-member-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-handle.h"
#include "ferry-member-dialog.h"

struct _FerryMemberDialog
{
  AdwWindow       parent_instance;

  FerryCommunity *community;  /* owned */
  FerryMember    *member;     /* owned */

  /* Template widgets */
  AdwWindowTitle *title;
  AdwActionRow   *state_row;
  AdwActionRow   *followers_row;
  AdwActionRow   *baseline_row;
  AdwActionRow   *sources_row;
  AdwActionRow   *checked_row;
  AdwEntryRow    *new_address_row;
  AdwEntryRow    *note_row;
  GtkSwitch      *opted_out_switch;
  GtkListBox     *history_list;
};

G_DEFINE_FINAL_TYPE (FerryMemberDialog, ferry_member_dialog, ADW_TYPE_WINDOW)

static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);

  if (when == NULL)
    return g_strdup ("");
  /* Translators: when a check was made, strftime() format */
  return g_date_time_format (when, _("%-d %B %Y, %H:%M"));
}

static char *
describe_sources (FerryMemberSource sources)
{
  static const struct { FerryMemberSource flag; const char *label; } names[] = {
    { FERRY_MEMBER_SOURCE_ADMIN, N_("the server’s admin list") },
    { FERRY_MEMBER_SOURCE_DIRECTORY, N_("the profile directory") },
    { FERRY_MEMBER_SOURCE_FOLLOWERS, N_("the community account’s followers") },
    { FERRY_MEMBER_SOURCE_LIST, N_("your list") },
    { FERRY_MEMBER_SOURCE_PASTED, N_("pasted addresses") },
    { FERRY_MEMBER_SOURCE_CSV, N_("a file") },
    { FERRY_MEMBER_SOURCE_MANUAL, N_("added by hand") },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (sources & names[i].flag)
      {
        if (text->len > 0)
          g_string_append (text, _(", "));
        g_string_append (text, _(names[i].label));
      }
  if (text->len == 0)
    g_string_append (text, _("Not known"));
  return g_string_free (text, FALSE);
}

static char *
describe_followers (gint64 old_followers,
                    gint64 new_followers)
{
  if (new_followers < 0)
    return g_strdup (_("Not known yet"));
  if (old_followers > 0)
    /* Translators: "96 of 120 followers (80 %)" */
    return g_strdup_printf (_("%d of %d followers (%.0f %%)"),
                            (int) new_followers, (int) old_followers,
                            100.0 * (double) new_followers / (double) old_followers);
  return g_strdup_printf (ngettext ("%d follower", "%d followers", (gulong) new_followers),
                          (int) new_followers);
}

static GtkWidget *
history_row (const FerryMemberRecord *record,
             gint64                   baseline)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_time (record->time);
  g_autofree char *counts = describe_followers (baseline, record->new_followers);
  g_autofree char *subtitle = NULL;

  if (record->moved_to != NULL)
    /* Translators: "3 November 2026, 14:00 · moved to user@server" */
    subtitle = g_strdup_printf (_("%s · moved to %s"), when, record->moved_to);
  else if (record->new_followers >= 0)
    subtitle = g_strdup_printf ("%s · %s", when, counts);
  else
    subtitle = g_steal_pointer (&when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ferry_member_state_to_label (record->state));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
update (FerryMemberDialog *self)
{
  FerryMember *member = self->member;
  FerryMemberState state = ferry_member_get_state (member);
  GArray *history = ferry_member_get_history (member);
  gint64 baseline = ferry_member_get_baseline_followers (member);
  const char *name = ferry_member_get_display_name (member);
  g_autofree char *state_text = NULL;
  g_autofree char *followers = NULL;
  g_autofree char *sources = describe_sources (ferry_member_get_sources (member));
  g_autofree char *checked = NULL;
  GtkWidget *child;

  /* The name, with the address below it; or the address alone. */
  if (name != NULL && name[0] != '\0')
    {
      adw_window_title_set_title (self->title, name);
      adw_window_title_set_subtitle (self->title, ferry_member_get_old_address (member));
    }
  else
    adw_window_title_set_title (self->title, ferry_member_get_old_address (member));

  if (ferry_member_get_moved_to (member) != NULL)
    /* Translators: a state and where the account went: "Moved elsewhere: user@server" */
    state_text = g_strdup_printf (_("%s: %s"), ferry_member_state_to_label (state),
                                  ferry_member_get_moved_to (member));
  else
    state_text = g_strdup (ferry_member_state_to_label (state));
  adw_action_row_set_subtitle (self->state_row, state_text);

  followers = describe_followers (baseline, ferry_member_get_new_followers (member));
  adw_action_row_set_subtitle (self->followers_row, followers);

  if (ferry_member_has_baseline (member))
    {
      g_autofree char *when = format_time (ferry_member_get_baseline_time (member));
      const char *last = ferry_member_get_baseline_last_status (member);
      g_autofree char *text = NULL;

      /* Translators: the baseline: followers, follows, posts, the last post's date, when */
      text = g_strdup_printf (_("%d followers, %d follows, %d posts, the last on %s "
                                "(recorded %s)"),
                              (int) baseline, (int) ferry_member_get_baseline_following (member),
                              (int) ferry_member_get_baseline_statuses (member),
                              last != NULL ? last : _("no date"), when);
      adw_action_row_set_subtitle (self->baseline_row, text);
    }
  else
    adw_action_row_set_subtitle (self->baseline_row,
                                 _("Not recorded: a roster refresh records it"));
  adw_action_row_set_subtitle (self->sources_row, sources);
  checked = ferry_member_get_last_checked (member) > 0
              ? format_time (ferry_member_get_last_checked (member)) : g_strdup (_("Never"));
  adw_action_row_set_subtitle (self->checked_row, checked);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  for (guint i = history->len; i-- > 0;)
    gtk_list_box_append (self->history_list,
                         history_row (&g_array_index (history, FerryMemberRecord, i), baseline));
  if (history->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not checked yet"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
on_new_address_apply (FerryMemberDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_address_row));
  g_autoptr(FerryHandle) handle = ferry_handle_parse (text, FERRY_HANDLE_PARSE_DEFAULT, NULL);

  if (handle == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_address_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_address_row), "error");
  {
    g_autofree char *key = ferry_handle_to_key (handle);

    ferry_member_set_new_address (self->member, key);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->new_address_row),
                         ferry_member_get_new_address (self->member));
  ferry_community_changed (self->community);
}

static void
on_note_apply (FerryMemberDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  ferry_member_set_note (self->member, text[0] != '\0' ? text : NULL);
  ferry_community_changed (self->community);
}

static void
on_opted_out (FerryMemberDialog *self)
{
  gboolean active = gtk_switch_get_active (self->opted_out_switch);

  if (active == ferry_member_get_opted_out (self->member))
    return;
  ferry_member_set_opted_out (self->member, active);
  ferry_community_changed (self->community);
}

static void
ferry_member_dialog_dispose (GObject *object)
{
  FerryMemberDialog *self = FERRY_MEMBER_DIALOG (object);

  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_MEMBER_DIALOG);
  g_clear_object (&self->member);
  g_clear_object (&self->community);

  G_OBJECT_CLASS (ferry_member_dialog_parent_class)->dispose (object);
}

static void
ferry_member_dialog_class_init (FerryMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_member_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, title);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, followers_row);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, sources_row);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, checked_row);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, new_address_row);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, opted_out_switch);
  gtk_widget_class_bind_template_child (widget_class, FerryMemberDialog, history_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ferry_member_dialog_init (FerryMemberDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ferry_member_dialog_new (FerryCommunity *community,
                         FerryMember    *member)
{
  FerryMemberDialog *self;
  const char *note;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);
  g_return_val_if_fail (FERRY_IS_MEMBER (member), NULL);

  self = g_object_new (FERRY_TYPE_MEMBER_DIALOG, NULL);
  self->community = g_object_ref (community);
  self->member = g_object_ref (member);
  note = ferry_member_get_note (member);
  gtk_editable_set_text (GTK_EDITABLE (self->new_address_row),
                         ferry_member_get_new_address (member));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
  gtk_switch_set_active (self->opted_out_switch, ferry_member_get_opted_out (member));
  g_signal_connect_swapped (self->new_address_row, "apply", G_CALLBACK (on_new_address_apply),
                            self);
  g_signal_connect_swapped (self->note_row, "apply", G_CALLBACK (on_note_apply), self);
  g_signal_connect_swapped (self->opted_out_switch, "notify::active", G_CALLBACK (on_opted_out),
                            self);
  g_signal_connect_swapped (member, "notify", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}

FerryMember *
ferry_member_dialog_get_member (FerryMemberDialog *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_DIALOG (self), NULL);

  return self->member;
}
