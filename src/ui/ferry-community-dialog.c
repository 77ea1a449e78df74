/* ferry-community-dialog.c: a new community
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its name, the old server and the new one (as people write them: a server, an address on it
 * or its web address), the deadline in a calendar three months ahead at first, with
 * ferry_community_check_deadline()'s warning when it gives less than two weeks, and the
 * helper's signed-in accounts. Create stays off until the name and both servers read well.
 */

#define G_LOG_DOMAIN "ferry-community-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-community-dialog.h"
#include "ferry-handle.h"

/* Three months: the usual notice when a server closes. */
#define DEFAULT_NOTICE_DAYS 90

struct _FerryCommunityDialog
{
  AdwWindow             parent_instance;

  FerryCommunityStore  *store;     /* owned */
  FerryAccountManager  *accounts;  /* owned, nullable */

  /* Template widgets */
  AdwEntryRow          *name_row;
  AdwEntryRow          *old_row;
  AdwEntryRow          *new_row;
  GtkCalendar          *calendar;
  GtkLabel             *deadline_label;
  GtkLabel             *warning_label;
  GtkWidget            *helpers_group;
  AdwActionRow         *helper_old_row;
  AdwActionRow         *helper_new_row;
  GtkSwitch            *helper_old_switch;
  GtkSwitch            *helper_new_switch;
};

G_DEFINE_FINAL_TYPE (FerryCommunityDialog, ferry_community_dialog, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The server in @row, lower case (punycode), or NULL when it is not one. */
static char *
read_host (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(FerryHandle) handle = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    return NULL;
  handle = ferry_handle_parse (trimmed, FERRY_HANDLE_PARSE_SERVER_ONLY, NULL);
  return handle != NULL ? g_strdup (handle->host) : NULL;
}

/* The end of the day chosen in the calendar, local time. */
static gint64
chosen_deadline (FerryCommunityDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) end = g_date_time_new_local (g_date_time_get_year (day),
                                                    g_date_time_get_month (day),
                                                    g_date_time_get_day_of_month (day),
                                                    23, 59, 0);

  return g_date_time_to_unix (end);
}

static void
update (FerryCommunityDialog *self)
{
  g_autofree char *old_host = read_host (self->old_row);
  g_autofree char *new_host = read_host (self->new_row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (
                                                                         self->name_row))));
  gint64 deadline = chosen_deadline (self);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(FerryCommunity) probe = ferry_community_new ("", "old.invalid", "new.invalid",
                                                         deadline);
  g_autofree char *warning = ferry_community_check_deadline (probe, now);
  int days = ferry_community_days_left (probe, now);
  g_autofree char *days_text = NULL;
  gboolean ok;

  if (days >= 0)
    days_text = g_strdup_printf (ngettext ("%d day from today", "%d days from today", days),
                                 days);
  gtk_label_set_label (self->deadline_label, days_text ? days_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), days_text != NULL);
  gtk_label_set_label (self->warning_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);

  /* A server that does not read as one is marked where it is written. */
  for (guint i = 0; i < 2; i++)
    {
      AdwEntryRow *row = i == 0 ? self->old_row : self->new_row;
      const char *host = i == 0 ? old_host : new_host;
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

      if (host == NULL && text[0] != '\0')
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
  ok = name[0] != '\0' && old_host != NULL && new_host != NULL &&
       g_strcmp0 (old_host, new_host) != 0 && days >= 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", ok);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryCommunityDialog *self = FERRY_COMMUNITY_DIALOG (widget);
  g_autofree char *old_host = read_host (self->old_row);
  g_autofree char *new_host = read_host (self->new_row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (
                                                                         self->name_row))));
  g_autoptr(FerryCommunity) community = NULL;
  const char *helper_old = NULL, *helper_new = NULL;

  if (old_host == NULL || new_host == NULL || name[0] == '\0')
    return;
  community = ferry_community_new (name, old_host, new_host, chosen_deadline (self));
  if (self->accounts != NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (self->helper_old_row)) &&
          gtk_switch_get_active (self->helper_old_switch))
        helper_old = ferry_account_manager_get_handle (self->accounts, FERRY_ROLE_OLD);
      if (gtk_widget_get_visible (GTK_WIDGET (self->helper_new_row)) &&
          gtk_switch_get_active (self->helper_new_switch))
        helper_new = ferry_account_manager_get_handle (self->accounts, FERRY_ROLE_NEW);
      if (helper_old != NULL || helper_new != NULL)
        ferry_community_set_helpers (community, helper_old, helper_new);
    }
  ferry_community_store_add (self->store, community);
  g_signal_emit (self, signals[CREATED], 0, community);
  gtk_window_close (GTK_WINDOW (self));
}

static void
ferry_community_dialog_dispose (GObject *object)
{
  FerryCommunityDialog *self = FERRY_COMMUNITY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_COMMUNITY_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ferry_community_dialog_parent_class)->dispose (object);
}

static void
ferry_community_dialog_class_init (FerryCommunityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_community_dialog_dispose;

  /**
   * FerryCommunityDialog::created:
   * @community: the new community, already in the store
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, FERRY_TYPE_COMMUNITY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-community-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, old_row);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, helpers_group);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, helper_old_row);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, helper_new_row);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, helper_old_switch);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityDialog, helper_new_switch);
  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ferry_community_dialog_init (FerryCommunityDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) deadline = g_date_time_add_days (now, DEFAULT_NOTICE_DAYS);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_calendar_select_day (self->calendar, deadline);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->old_row, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->new_row, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (update), self);
  gtk_widget_set_visible (self->helpers_group, FALSE);
  update (self);
}

/* Each signed-in account, offered with its address; the old one's server fills in the old
 * server, the new one's the new server. */
static void
offer_helper (FerryCommunityDialog *self,
              FerryRole             role)
{
  const char *handle = ferry_account_manager_get_handle (self->accounts, role);
  AdwActionRow *row = role == FERRY_ROLE_OLD ? self->helper_old_row : self->helper_new_row;
  AdwEntryRow *server = role == FERRY_ROLE_OLD ? self->old_row : self->new_row;
  g_autoptr(FerryHandle) parsed = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), handle != NULL);
  if (handle == NULL)
    return;
  gtk_widget_set_visible (self->helpers_group, TRUE);
  adw_action_row_set_subtitle (row, handle);
  parsed = ferry_handle_parse (handle, FERRY_HANDLE_PARSE_DEFAULT, NULL);
  if (parsed != NULL && gtk_editable_get_text (GTK_EDITABLE (server))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (server), parsed->display_host);
}

GtkWidget *
ferry_community_dialog_new (FerryCommunityStore *store,
                            FerryAccountManager *accounts)
{
  FerryCommunityDialog *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY_STORE (store), NULL);
  g_return_val_if_fail (accounts == NULL || FERRY_IS_ACCOUNT_MANAGER (accounts), NULL);

  self = g_object_new (FERRY_TYPE_COMMUNITY_DIALOG, NULL);
  self->store = g_object_ref (store);
  if (accounts != NULL)
    {
      self->accounts = g_object_ref (accounts);
      offer_helper (self, FERRY_ROLE_OLD);
      offer_helper (self, FERRY_ROLE_NEW);
    }
  update (self);
  return GTK_WIDGET (self);
}
