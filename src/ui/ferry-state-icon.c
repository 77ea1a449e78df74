/* ferry-state-icon.c: the state of one part of a job, for the eye and for a screen reader
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waiting shows nothing but its name (a "•••" icon looked like a menu); under way a
 * spinner; done, left out and failed an icon in its colour. Each says its state as its
 * accessible name.
 */

#define G_LOG_DOMAIN "ferry-state-icon"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-state-icon.h"

struct _FerryStateIcon
{
  AdwBin          parent_instance;

  FerryStepState  state;
  GtkWidget      *spinner;   /* unowned: a child of the stack */
  GtkWidget      *image;     /* unowned */
  GtkWidget      *waiting;   /* unowned: a dim "Waiting" */
  GtkStack       *stack;     /* unowned: the bin's child */
  const char     *label;     /* static: the accessible name set last */
};

G_DEFINE_FINAL_TYPE (FerryStateIcon, ferry_state_icon, ADW_TYPE_BIN)

/* The words for @state, as a row's icon says them. */
const char *
ferry_state_icon_describe (FerryStepState state)
{
  switch (state)
    {
    case FERRY_STEP_STATE_RUNNING:
      return _("In progress");
    case FERRY_STEP_STATE_DONE:
      return _("Done");
    case FERRY_STEP_STATE_SKIPPED:
      return _("Left out");
    case FERRY_STEP_STATE_FAILED:
      return _("Needs attention");
    case FERRY_STEP_STATE_PENDING:
    default:
      return _("Waiting");
    }
}

void
ferry_state_icon_set_state (FerryStateIcon *self,
                            FerryStepState  state)
{
  static const char *styles[] = { "success", "warning", "dim-label" };
  GtkWidget *shown;

  g_return_if_fail (FERRY_IS_STATE_ICON (self));

  self->state = state;
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (self->image, styles[i]);
  switch (state)
    {
    case FERRY_STEP_STATE_RUNNING:
      shown = self->spinner;
      break;
    case FERRY_STEP_STATE_DONE:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->image), "emblem-ok-symbolic");
      gtk_widget_add_css_class (self->image, "success");
      shown = self->image;
      break;
    case FERRY_STEP_STATE_SKIPPED:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->image), "action-unavailable-symbolic");
      gtk_widget_add_css_class (self->image, "dim-label");
      shown = self->image;
      break;
    case FERRY_STEP_STATE_FAILED:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->image), "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->image, "warning");
      shown = self->image;
      break;
    case FERRY_STEP_STATE_PENDING:
    default:
      shown = self->waiting;
      break;
    }
  /* Only a spinner that shows spins: a hidden one would still ask for frames. */
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), shown == self->spinner);
  gtk_stack_set_visible_child (self->stack, shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ferry_state_icon_describe (state), -1);
  self->label = ferry_state_icon_describe (state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->label, -1);
}

/* What it says to a screen reader (kept here too: GTK 4.8 has no getter for it). */
const char *
ferry_state_icon_get_label (FerryStateIcon *self)
{
  g_return_val_if_fail (FERRY_IS_STATE_ICON (self), NULL);

  return self->label;
}

FerryStepState
ferry_state_icon_get_state (FerryStateIcon *self)
{
  g_return_val_if_fail (FERRY_IS_STATE_ICON (self), FERRY_STEP_STATE_PENDING);

  return self->state;
}

static void
ferry_state_icon_class_init (FerryStateIconClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ferry_state_icon_init (FerryStateIcon *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->stack), GTK_ALIGN_CENTER);
  self->spinner = gtk_spinner_new ();
  self->image = gtk_image_new ();
  self->waiting = gtk_label_new (_("Waiting"));
  gtk_widget_add_css_class (self->waiting, "dim-label");
  gtk_stack_add_child (self->stack, self->waiting);
  gtk_stack_add_child (self->stack, self->spinner);
  gtk_stack_add_child (self->stack, self->image);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  ferry_state_icon_set_state (self, FERRY_STEP_STATE_PENDING);
}

GtkWidget *
ferry_state_icon_new (void)
{
  return g_object_new (FERRY_TYPE_STATE_ICON, NULL);
}
