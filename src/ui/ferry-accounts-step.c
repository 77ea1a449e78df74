/* ferry-accounts-step.c: the first step of a move: the account left and the one moved to,
 * on one page
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where there is room for both, two columns side by side, each a heading over its
 * account's page. Where there is not (a phone, a narrow window), the two headings become
 * a switch between "Moving From" and "Moving To" above the one page on show; once the
 * old account is signed in and the new one not yet, the switch turns to the new one.
 * The layout is chosen in size_allocate() from the width given, and changes only which
 * children are allocated (gtk_widget_set_child_visible()), never a property that would
 * queue another resize: a width near the threshold cannot start a relayout loop.
 */

#define G_LOG_DOMAIN "ferry-accounts-step"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-account-page.h"
#include "ferry-accounts-step.h"

/* Each column wants this much at least before they go side by side. */
#define COLUMN_WIDTH 400
#define GAP 1
#define HEADING_MARGIN 12

struct _FerryAccountsStep
{
  GtkWidget            parent_instance;

  FerryAccountManager *manager;      /* owned */

  /* Children */
  GtkWidget           *headings[2];  /* by role */
  GtkWidget           *pages[2];     /* FerryAccountPage, by role */
  GtkWidget           *separator;    /* between the columns */
  GtkWidget           *switcher;     /* narrow: which page */
  GtkWidget           *toggles[2];   /* in the switcher, by role */
};

G_DEFINE_FINAL_TYPE (FerryAccountsStep, ferry_accounts_step, GTK_TYPE_WIDGET)

/* Whether @width holds both pages side by side, each as wide as it needs. */
static gboolean
side_by_side (FerryAccountsStep *self,
              int                width)
{
  int column = COLUMN_WIDTH;

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      int min;

      gtk_widget_measure (self->pages[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      column = MAX (column, min);
    }
  return width >= 2 * column + GAP;
}

static void
measure_max (GtkWidget      *widget,
             GtkOrientation  orientation,
             int            *minimum,
             int            *natural)
{
  int child_min, child_nat;

  gtk_widget_measure (widget, orientation, -1, &child_min, &child_nat, NULL, NULL);
  *minimum = MAX (*minimum, child_min);
  *natural = MAX (*natural, child_nat);
}

static void
ferry_accounts_step_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  FerryAccountsStep *self = FERRY_ACCOUNTS_STEP (widget);
  int page_min = 0, page_nat = 0, top_min = 0, top_nat = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      measure_max (self->pages[i], orientation, &page_min, &page_nat);
      measure_max (self->headings[i], orientation, &top_min, &top_nat);
    }
  measure_max (self->switcher, orientation, &top_min, &top_nat);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* One page at least; two side by side at best. */
      *minimum = MAX (page_min, top_min);
      *natural = MAX (2 * page_nat + GAP, *minimum);
    }
  else
    {
      *minimum = top_min + 2 * HEADING_MARGIN + page_min;
      *natural = top_nat + 2 * HEADING_MARGIN + page_nat;
    }
}

static int
height_of (GtkWidget *widget,
           int        width)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, NULL, NULL, NULL);
  return min;
}

static void
ferry_accounts_step_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  FerryAccountsStep *self = FERRY_ACCOUNTS_STEP (widget);
  gboolean wide = side_by_side (self, width);

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    gtk_widget_set_child_visible (self->headings[i], wide);
  gtk_widget_set_child_visible (self->separator, wide);
  gtk_widget_set_child_visible (self->switcher, !wide);

  if (wide)
    {
      int column = (width - GAP) / 2;

      for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
        {
          int x = i == 0 ? 0 : column + GAP;
          int w = i == 0 ? column : width - column - GAP;
          int heading_height = height_of (self->headings[i], w);
          int top = heading_height + 2 * HEADING_MARGIN;
          GtkAllocation heading = { x, HEADING_MARGIN, w, heading_height };
          GtkAllocation page = { x, top, w, MAX (height - top, 0) };

          gtk_widget_set_child_visible (self->pages[i], TRUE);
          gtk_widget_size_allocate (self->headings[i], &heading, -1);
          gtk_widget_size_allocate (self->pages[i], &page, -1);
        }
      gtk_widget_size_allocate (self->separator, &(GtkAllocation) { column, 0, GAP, height }, -1);
    }
  else
    {
      int top = height_of (self->switcher, width) + 2 * HEADING_MARGIN;
      int switcher_width;

      gtk_widget_measure (self->switcher, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &switcher_width,
                          NULL, NULL);
      switcher_width = MIN (switcher_width, width);
      gtk_widget_size_allocate (self->switcher,
                                &(GtkAllocation) { (width - switcher_width) / 2, HEADING_MARGIN,
                                                   switcher_width, top - 2 * HEADING_MARGIN }, -1);
      for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
        {
          gboolean shown = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggles[i]));
          GtkAllocation page = { 0, top, width, MAX (height - top, 0) };

          gtk_widget_set_child_visible (self->pages[i], shown);
          if (shown)
            gtk_widget_size_allocate (self->pages[i], &page, -1);
        }
    }
}

/* Narrow: the page the switch shows. */
static void
on_toggled (FerryAccountsStep *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Narrow: once the old account is in, on to the new one. */
static void
on_manager_changed (FerryAccountsStep   *self,
                    int                  role,
                    FerryAccountManager *manager)
{
  if (role == FERRY_ROLE_OLD &&
      ferry_account_manager_get_state (manager, FERRY_ROLE_OLD) == FERRY_ACCOUNT_SIGNED_IN &&
      ferry_account_manager_get_state (manager, FERRY_ROLE_NEW) == FERRY_ACCOUNT_SIGNED_OUT)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[FERRY_ROLE_NEW]), TRUE);
}

static void
ferry_accounts_step_dispose (GObject *object)
{
  FerryAccountsStep *self = FERRY_ACCOUNTS_STEP (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      g_clear_pointer (&self->headings[i], gtk_widget_unparent);
      g_clear_pointer (&self->pages[i], gtk_widget_unparent);
    }
  g_clear_pointer (&self->separator, gtk_widget_unparent);
  g_clear_pointer (&self->switcher, gtk_widget_unparent);

  G_OBJECT_CLASS (ferry_accounts_step_parent_class)->dispose (object);
}

static void
ferry_accounts_step_class_init (FerryAccountsStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_accounts_step_dispose;
  widget_class->measure = ferry_accounts_step_measure;
  widget_class->size_allocate = ferry_accounts_step_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "accountsstep");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ferry_accounts_step_init (FerryAccountsStep *self)
{
  const char *titles[] = { N_("Moving From"), N_("Moving To") };
  const char *toggle_labels[] = { N_("Moving _From"), N_("Moving _To") };

  self->switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->switcher, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      self->headings[i] = gtk_label_new (_(titles[i]));
      gtk_widget_add_css_class (self->headings[i], "heading");
      self->pages[i] = ferry_account_page_new (i);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->pages[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->headings[i], NULL,
                                      -1);
      self->toggles[i] = gtk_toggle_button_new_with_mnemonic (_(toggle_labels[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->toggles[i]),
                                     GTK_TOGGLE_BUTTON (self->toggles[0]));
      g_signal_connect_swapped (self->toggles[i], "toggled", G_CALLBACK (on_toggled), self);
      gtk_box_append (GTK_BOX (self->switcher), self->toggles[i]);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[FERRY_ROLE_OLD]), TRUE);
  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  gtk_widget_set_parent (self->switcher, GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      gtk_widget_set_parent (self->headings[i], GTK_WIDGET (self));
      gtk_widget_set_parent (self->pages[i], GTK_WIDGET (self));
    }
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));
}

/* Returns: (transfer none): the FerryAccountPage of @role's account */
GtkWidget *
ferry_accounts_step_get_page (FerryAccountsStep *self,
                              FerryRole          role)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNTS_STEP (self), NULL);
  g_return_val_if_fail (role == FERRY_ROLE_OLD || role == FERRY_ROLE_NEW, NULL);

  return self->pages[role];
}

/* The pages show @manager's accounts. */
void
ferry_accounts_step_set_manager (FerryAccountsStep   *self,
                                 FerryAccountManager *manager)
{
  g_return_if_fail (FERRY_IS_ACCOUNTS_STEP (self));
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (manager));

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  g_signal_connect_swapped (manager, "changed", G_CALLBACK (on_manager_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    ferry_account_page_set_manager (FERRY_ACCOUNT_PAGE (self->pages[i]), manager);
}
