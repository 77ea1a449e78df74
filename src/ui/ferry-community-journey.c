/* ferry-community-journey.c: the "Help a community move" journey
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main stack's "community" child: the communities the helper looks after (the
 * application's FerryCommunityStore, bound to a list so that a new or loaded one shows at
 * once), "New Community" (FerryCommunityDialog), and one community's page
 * (FerryCommunityPage) with a back button to the list.
 */

#define G_LOG_DOMAIN "ferry-community-journey"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-community-dialog.h"
#include "ferry-community-journey.h"

struct _FerryCommunityJourney
{
  AdwBin                parent_instance;

  FerryCommunityStore  *store;     /* owned */
  FerryAccountManager  *accounts;  /* owned */

  /* Template widgets */
  AdwWindowTitle       *title;
  GtkWidget            *back_button;
  GtkWidget            *new_button;
  GtkStack             *stack;
  GtkListBox           *communities_list;
  FerryCommunityPage   *page;
};

G_DEFINE_FINAL_TYPE (FerryCommunityJourney, ferry_community_journey, ADW_TYPE_BIN)

static char *
describe_community (FerryCommunity *community)
{
  g_autoptr(GDateTime) deadline =
    g_date_time_new_from_unix_local (ferry_community_get_deadline (community));
  g_autofree char *date = deadline ? g_date_time_format (deadline, _("%-d %B %Y")) : NULL;
  g_autofree char *counts = ferry_community_describe_counts (community);

  /* Translators: "old.example → new.example, by 15 January 2027 · 32 of 40 arrived" */
  return g_strdup_printf (_("%s → %s, by %s · %s"), ferry_community_get_old_host (community),
                          ferry_community_get_new_host (community),
                          date ? g_strstrip (date) : "", counts);
}

static void
update_row (AdwActionRow *row)
{
  FerryCommunity *community = g_object_get_data (G_OBJECT (row), "ferry-community");
  g_autofree char *subtitle = describe_community (community);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ferry_community_get_name (community));
  adw_action_row_set_subtitle (row, subtitle);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  FerryCommunity *community = item;
  GtkWidget *row = adw_action_row_new ();

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ferry-community", g_object_ref (community),
                          g_object_unref);
  g_signal_connect_object (community, "changed", G_CALLBACK (update_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (community, "counts-changed", G_CALLBACK (update_row), row,
                           G_CONNECT_SWAPPED);
  update_row (ADW_ACTION_ROW (row));
  return row;
}

static void
on_row_activated (GtkListBox            *list,
                  GtkListBoxRow         *row,
                  FerryCommunityJourney *self)
{
  ferry_community_journey_open (self, g_object_get_data (G_OBJECT (row), "ferry-community"));
}

void
ferry_community_journey_show_list (FerryCommunityJourney *self)
{
  gboolean any;

  g_return_if_fail (FERRY_IS_COMMUNITY_JOURNEY (self));

  any = self->store != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;
  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
  adw_window_title_set_title (self->title, _("Help a Community Move"));
  adw_window_title_set_subtitle (self->title, NULL);
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->new_button, any);
}

void
ferry_community_journey_open (FerryCommunityJourney *self,
                              FerryCommunity        *community)
{
  g_autofree char *hosts = NULL;

  g_return_if_fail (FERRY_IS_COMMUNITY_JOURNEY (self));
  g_return_if_fail (FERRY_IS_COMMUNITY (community));

  ferry_community_page_set_community (self->page, community);
  /* Translators: the old server and the new one, under the community's name */
  hosts = g_strdup_printf (_("%s → %s"), ferry_community_get_old_host (community),
                           ferry_community_get_new_host (community));
  adw_window_title_set_title (self->title, ferry_community_get_name (community));
  adw_window_title_set_subtitle (self->title, hosts);
  gtk_stack_set_visible_child_name (self->stack, "community");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->new_button, FALSE);
}

static void
on_created (FerryCommunityDialog  *dialog,
            FerryCommunity        *community,
            FerryCommunityJourney *self)
{
  ferry_community_journey_open (self, community);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FerryCommunityJourney *self = FERRY_COMMUNITY_JOURNEY (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = ferry_community_dialog_new (self->store, self->accounts);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_created), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ferry_community_journey_show_list (FERRY_COMMUNITY_JOURNEY (widget));
}

static void
on_store_changed (FerryCommunityJourney *self)
{
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "community"))
    ferry_community_journey_show_list (self);
}

static void
ferry_community_journey_dispose (GObject *object)
{
  FerryCommunityJourney *self = FERRY_COMMUNITY_JOURNEY (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_COMMUNITY_JOURNEY);
  g_clear_object (&self->store);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ferry_community_journey_parent_class)->dispose (object);
}

static void
ferry_community_journey_class_init (FerryCommunityJourneyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_community_journey_dispose;

  g_type_ensure (FERRY_TYPE_COMMUNITY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ferry-community-journey.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityJourney, title);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityJourney, back_button);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityJourney, new_button);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityJourney, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityJourney, communities_list);
  gtk_widget_class_bind_template_child (widget_class, FerryCommunityJourney, page);
  gtk_widget_class_install_action (widget_class, "journey.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "journey.show-list", NULL, show_list_action);
  /* Ctrl+N: a new community; Alt+Left: back to the list. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "journey.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "journey.show-list", NULL);
}

static void
ferry_community_journey_init (FerryCommunityJourney *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->communities_list, "row-activated", G_CALLBACK (on_row_activated),
                    self);
  ferry_community_journey_show_list (self);
}

void
ferry_community_journey_set_managers (FerryCommunityJourney *self,
                                      FerryCommunityStore   *store,
                                      FerryAccountManager   *accounts,
                                      FerryJobManager       *jobs)
{
  g_return_if_fail (FERRY_IS_COMMUNITY_JOURNEY (self));
  g_return_if_fail (FERRY_IS_COMMUNITY_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_set_object (&self->accounts, accounts);
  ferry_community_page_set_managers (self->page, accounts, jobs);
  gtk_list_box_bind_model (self->communities_list, G_LIST_MODEL (store), create_row, NULL, NULL);
  g_signal_connect_swapped (store, "items-changed", G_CALLBACK (on_store_changed), self);
  ferry_community_journey_show_list (self);
}

FerryCommunityPage *
ferry_community_journey_get_page (FerryCommunityJourney *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_JOURNEY (self), NULL);

  return self->page;
}
